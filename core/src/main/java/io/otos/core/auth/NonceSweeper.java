package io.otos.core.auth;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every minute, forgets the nonces of signed requests that are past their window. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the repository has its own
public class NonceSweeper {

  private static final Logger LOG = Logger.getLogger(NonceSweeper.class.getName());

  @Inject NonceRepository nonces;

  @Schedule(hour = "*", minute = "*", persistent = false)
  void sweep() {
    try {
      int forgotten = nonces.forgetExpired();
      LOG.fine(() -> "Forgot " + forgotten + " expired nonces");
    } catch (RuntimeException e) {
      // The next run tries again; a database outage is reported by the health checks.
      LOG.log(Level.FINE, "Could not forget expired nonces", e);
    }
  }
}
