package io.otos.core.auth;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every minute, in a transaction of its own, forgets the nonces of signed requests that are past
 * their window. When the database is away the run fails (the container logs it) and the next one
 * tries again.
 */
@Singleton
public class NonceSweeper {

  private static final Logger LOG = Logger.getLogger(NonceSweeper.class.getName());

  @Inject NonceRepository nonces;

  @Schedule(hour = "*", minute = "*", persistent = false)
  void sweep() {
    int forgotten = nonces.forgetExpired();
    LOG.fine(() -> "Forgot " + forgotten + " expired nonces");
  }
}
