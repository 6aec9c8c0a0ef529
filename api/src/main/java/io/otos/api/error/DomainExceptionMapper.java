package io.otos.api.error;

import io.otos.core.shared.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a refusal of the domain with the HTTP status of its kind. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException e) {
    return Responses.error(status(e.kind()), e.code(), e.getMessage());
  }

  static int status(DomainException.Kind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case THROTTLED -> 429;
      case UNAVAILABLE -> 503;
    };
  }
}
