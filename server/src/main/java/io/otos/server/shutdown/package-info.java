/**
 * Graceful shutdown: once the JVM is told to stop (SIGTERM, Ctrl-C), requests already being served
 * finish within the grace period, new ones are turned away with a 503 and {@code Connection:
 * close}, health included, so that a load balancer sends devices elsewhere.
 */
package io.otos.server.shutdown;
