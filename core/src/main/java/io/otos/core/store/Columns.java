package io.otos.core.store;

import io.otos.core.shared.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Reads the columns whose Java type JDBC 4.2 would name ({@code getObject(column, UUID.class)})
 * through JDBC 1's getters instead. Payara's pool wraps every result set in a class compiled
 * against an older JDBC, which runs {@code getObject(String, Class)} by reflection, looking the
 * method up and making it accessible on every call: 3.5 % of a first provisioning's CPU samples for
 * the template's row alone (JFR, 2026-12-03).
 */
public final class Columns {

  private Columns() {}

  /** A {@code uuid} column, or null. */
  public static UUID uuid(ResultSet row, String column) throws SQLException {
    return (UUID) row.getObject(column); // PostgreSQL's driver reads a uuid as a UUID
  }

  /** A {@code uuid} column, by its position, or null. */
  public static UUID uuid(ResultSet row, int column) throws SQLException {
    return (UUID) row.getObject(column);
  }

  /** A {@code timestamptz} column, at UTC, or null. */
  public static OffsetDateTime time(ResultSet row, String column) throws SQLException {
    Timestamp time = row.getTimestamp(column);
    return time == null ? null : SqlTimes.utc(time);
  }

  /** An {@code integer} column, or null. */
  public static Integer integer(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? null : value;
  }
}
