package io.otos.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The HTTP API: the device auth API under {@code /api/v1/device}, management under {@code
 * /api/v1/admin}.
 */
@ApplicationPath("/api")
public class OtosApi extends Application {

  /**
   * The runtime's generated WADL would list every management endpoint to anyone: switched off. So
   * is Bean Validation of the resources, which declare no constraints (they check what they read
   * themselves, with the API's own error codes) but were inspected on every request.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.server.wadl.disableWadl", true,
        "jersey.config.beanValidation.disable.server", true);
  }
}
