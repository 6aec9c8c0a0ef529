/** Application metrics for {@code /metrics}: counters fed by the domain's events after commit. */
package io.otos.server.metrics;
