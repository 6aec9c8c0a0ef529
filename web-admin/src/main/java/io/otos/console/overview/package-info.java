/** The overview page: the service's name, version and its counts of templates and devices. */
package io.otos.console.overview;
