package io.otos.api.error;

import io.otos.core.secret.Randomness;
import io.otos.core.store.StoreFailures;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: a database that cannot be reached is a 503; anything else is a 500 that tells the
 * client an incident id and nothing of the cause. The cause is logged under that id for the
 * operator.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    if (StoreFailures.isUnavailable(e)) {
      LOG.warning(() -> "Database unavailable: " + e.getClass().getName());
      return Responses.error(
          503, "DATABASE_UNAVAILABLE", "The service cannot reach its database; try again shortly");
    }
    String incident = Randomness.uuid().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
    return Responses.error(
        500, "INTERNAL_ERROR", "The service failed unexpectedly (incident " + incident + ")");
  }
}
