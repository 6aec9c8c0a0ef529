/**
 * Whether this node serves the admin console: nodes that face devices on the internet switch it off
 * ({@code OTOS_CONSOLE_ENABLED=false}) and serve only the APIs and the operator endpoints.
 */
package io.otos.server.console;
