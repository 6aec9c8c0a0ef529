package io.otos.api.error;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Builds error answers in the envelope, the one place where they are made. */
public final class Responses {

  private Responses() {}

  public static Response error(int status, String code, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ApiResponse.error(status, code, message))
        .build();
  }

  /**
   * Answers with an error from a servlet filter, before any JAX-RS resource or screen runs: the
   * same envelope, and a request id as every answer has.
   */
  public static void write(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    String body =
        Json.createObjectBuilder()
            .add("code", status)
            .add("message", message)
            .add("data", Json.createObjectBuilder().add("error", code))
            .build()
            .toString();
    response.setStatus(status);
    response.setHeader(RequestLog.HEADER, UUID.randomUUID().toString());
    response.setHeader("Cache-Control", "no-store");
    response.setContentType(MediaType.APPLICATION_JSON);
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
