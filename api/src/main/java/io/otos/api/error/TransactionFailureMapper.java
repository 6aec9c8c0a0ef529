package io.otos.api.error;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A transaction that failed around a service call (typically its commit, when the database went
 * away). Chosen over the JAX-RS runtime's own mapper for this type, which answers a bare 500 when
 * the cause is not a web exception.
 */
@Provider
@Priority(1)
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {

  @Override
  public Response toResponse(TransactionalException e) {
    return new UnexpectedExceptionMapper().toResponse(e);
  }
}
