/** Strict reading of JSON request bodies and the JSON-B settings of every answer. */
package io.otos.api.json;
