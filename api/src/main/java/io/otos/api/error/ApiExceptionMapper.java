package io.otos.api.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers an {@link ApiException} with its status, code and message. After a 413 the connection is
 * closed: the rest of the refused body may still be on its way, and would be read as the next
 * request.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

  @Override
  public Response toResponse(ApiException e) {
    Response response = Responses.error(e.status(), e.code(), e.getMessage());
    if (e.status() == 413) {
      response.getHeaders().putSingle("Connection", "close");
    }
    return response;
  }
}
