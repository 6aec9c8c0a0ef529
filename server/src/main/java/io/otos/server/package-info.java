/**
 * The deployable unit: the WAR that assembles core, api and web-admin and owns what belongs to a
 * deployment rather than to a module, the datasource definition and the configuration defaults.
 */
package io.otos.server;
