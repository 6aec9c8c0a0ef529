package io.otos.core.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Tells, from an exception's causes, what went wrong with the database. */
public final class StoreFailures {

  private static final String UNIQUE_VIOLATION = "23505";

  private StoreFailures() {}

  /** A unique constraint refused a write: a concurrent request got there first. */
  public static boolean isUniqueViolation(Throwable failure) {
    return hasState(failure, Set.of(UNIQUE_VIOLATION));
  }

  /** A foreign key refused a delete: something still refers to the row. */
  public static boolean isStillReferenced(Throwable failure) {
    return hasState(failure, Set.of("23503"));
  }

  /**
   * The transaction lost a race with another one (a unique violation, a deadlock, a serialization
   * failure): running it again sees the winner's work.
   */
  public static boolean isLostRace(Throwable failure) {
    return hasState(failure, Set.of(UNIQUE_VIOLATION, "40P01", "40001"));
  }

  private static boolean hasState(Throwable failure, Set<String> states) {
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && states.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The database cannot be reached or refuses connections: nothing the client did wrong. */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof java.net.ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
      String type = t.getClass().getName();
      if (type.startsWith("jakarta.resource.")
          || type.endsWith("PoolingException")
          || t instanceof jakarta.transaction.SystemException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConnectionState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03")
            || state.equals("53300"));
  }

  private static Throwable next(Throwable t) {
    Throwable cause = t.getCause();
    if (cause == null && t instanceof SQLException sql) {
      cause = sql.getNextException();
    }
    return cause == t ? null : cause;
  }
}
