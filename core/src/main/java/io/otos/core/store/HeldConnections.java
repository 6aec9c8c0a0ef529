package io.otos.core.store;

import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Marks the JTA transactions in which EclipseLink has begun its own transaction on the database: it
 * then holds the transaction's connection until the transaction ends, and {@link Jdbc} must run on
 * that one (see there). A mark to look up, so that transactions without EclipseLink's statements,
 * the device auth's usual ones, are not made to open a persistence context only to ask it.
 */
final class HeldConnections extends SessionEventAdapter {

  private static final Object KEY = HeldConnections.class;

  private volatile TransactionSynchronizationRegistry transactions;

  @Override
  public void postBeginTransaction(SessionEvent event) {
    TransactionSynchronizationRegistry registry = registry();
    if (registry.getTransactionKey() != null) {
      registry.putResource(KEY, Boolean.TRUE);
    }
  }

  /** Whether EclipseLink holds a connection in the caller's transaction. */
  static boolean inTransaction(TransactionSynchronizationRegistry transactions) {
    return transactions.getResource(KEY) != null;
  }

  private TransactionSynchronizationRegistry registry() {
    if (transactions == null) {
      try {
        transactions =
            (TransactionSynchronizationRegistry)
                new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
      } catch (NamingException e) {
        throw new IllegalStateException("No transaction synchronization registry", e);
      }
    }
    return transactions;
  }
}
