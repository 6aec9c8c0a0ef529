package io.otos.core.shared;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Timestamps read by native queries, whose JDBC driver may hand back either type. */
public final class SqlTimes {

  private SqlTimes() {}

  public static OffsetDateTime utc(Object value) {
    if (value instanceof OffsetDateTime time) {
      return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
    if (value instanceof Timestamp time) {
      return time.toInstant().atOffset(ZoneOffset.UTC);
    }
    throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
  }
}
