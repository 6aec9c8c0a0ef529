/**
 * The HTTP API. Resources are thin: they read and check the request, call one service and map its
 * result; errors are mapped once, in {@link io.otos.api.error}.
 */
package io.otos.api;
