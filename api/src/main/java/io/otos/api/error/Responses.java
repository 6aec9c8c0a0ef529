package io.otos.api.error;

import io.otos.core.secret.Randomness;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Builds error answers in the envelope, the one place where they are made. */
public final class Responses {

  /** Found once: {@code jakarta.json.Json} looks it up on every call (see {@code Jsons}). */
  private static final JsonProvider JSON = JsonProvider.provider();

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
        JSON.createObjectBuilder()
            .add("code", status)
            .add("message", message)
            .add("data", JSON.createObjectBuilder().add("error", code))
            .build()
            .toString();
    response.setStatus(status);
    response.setHeader(RequestLog.HEADER, Randomness.uuid().toString());
    response.setHeader("Cache-Control", "no-store");
    response.setContentType(MediaType.APPLICATION_JSON);
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
