package io.otos.server.bench.noop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The benchmark's framework ceiling: a JAX-RS application on the same Payara Micro as OTOS that
 * reads a JSON body and answers a small JSON object, doing nothing else. It exists only in the
 * benchmark (test classes, deployed as {@code noop.war} by {@code ./otos bench}), never in a build.
 */
@ApplicationPath("/")
public class NoopApplication extends Application {}
