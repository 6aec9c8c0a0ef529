package io.otos.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The HTTP API: the device auth API under {@code /api/v1/device}, management under {@code
 * /api/v1/admin}.
 */
@ApplicationPath("/api")
public class OtosApi extends Application {}
