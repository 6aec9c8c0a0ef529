package io.otos.core.store;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * Makes EclipseLink give up at once when the database cannot be reached. By default it retries a
 * failed read three times, five seconds apart, so that a device would wait fifteen seconds for its
 * 503; the connection pool already bounds the wait for a connection, and the client decides when to
 * try again.
 */
public class FailFastSessions implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(0);
      login.setDelayBetweenConnectionAttempts(0);
    }
  }
}
