package io.otos.api.error;

import io.otos.core.auth.TooManyFailuresException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a throttled device auth with 429 and when to try again. */
@Provider
public class TooManyFailuresMapper implements ExceptionMapper<TooManyFailuresException> {

  @Override
  public Response toResponse(TooManyFailuresException e) {
    Response refusal =
        Responses.error(DomainExceptionMapper.status(e.kind()), e.code(), e.getMessage());
    return Response.fromResponse(refusal)
        .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
        .build();
  }
}
