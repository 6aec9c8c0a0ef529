package io.otos.api.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds error answers in the envelope, the one place where they are made. */
public final class Responses {

  private Responses() {}

  public static Response error(int status, String code, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ApiResponse.error(status, code, message))
        .build();
  }
}
