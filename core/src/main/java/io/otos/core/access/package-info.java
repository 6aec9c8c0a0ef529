/** Who may use the management API: the configured admin token, compared in constant time. */
package io.otos.core.access;
