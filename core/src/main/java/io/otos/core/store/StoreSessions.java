package io.otos.core.store;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * How EclipseLink's sessions use the database.
 *
 * <ul>
 *   <li>They give up at once when the database cannot be reached. By default EclipseLink retries a
 *       failed read three times, five seconds apart, so that a device would wait fifteen seconds
 *       for its 503; the connection pool already bounds the wait for a connection, and the client
 *       decides when to try again.
 *   <li>Their connections are counted in {@link ConnectionUsage}.
 *   <li>A transaction in which they hold a connection is marked ({@link HeldConnections}).
 * </ul>
 */
public class StoreSessions implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    configure(session.getDatasourceLogin());
    session.getEventManager().addListener(new HeldConnections());
    if (session instanceof ServerSession server) {
      configure(server.getReadConnectionPool().getLogin());
      server.getConnectionPools().values().forEach(pool -> configure(pool.getLogin()));
    }
  }

  private static void configure(Login candidate) {
    if (candidate instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(0);
      login.setDelayBetweenConnectionAttempts(0);
      if (login.getConnector() instanceof JNDIConnector looked
          && !(looked instanceof CountedConnector)) {
        login.setConnector(new CountedConnector(looked));
      }
    }
  }
}
