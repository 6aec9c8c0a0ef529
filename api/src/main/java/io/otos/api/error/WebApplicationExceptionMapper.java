package io.otos.api.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers what the JAX-RS runtime refuses by itself (unknown path, wrong method, unacceptable media
 * type) in the envelope, with a message of our own rather than the runtime's.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return new UnexpectedExceptionMapper().toResponse(e);
    }
    return switch (status) {
      case 404 -> Responses.error(404, "NOT_FOUND", "No such resource");
      case 405 ->
          Responses.error(405, "METHOD_NOT_ALLOWED", "This resource does not accept that method");
      case 406 ->
          Responses.error(
              406, "NOT_ACCEPTABLE", "This resource answers with application/json only");
      case 415 ->
          Responses.error(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
      default -> Responses.error(status, "REQUEST_REFUSED", "The request was refused");
    };
  }
}
