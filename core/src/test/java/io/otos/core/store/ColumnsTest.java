package io.otos.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ColumnsTest {

  private final Map<String, Object> values = new HashMap<>();
  private Object last;

  @Test
  void aTimeKeepsItsInstantToTheMicrosecondAtUtc() throws SQLException {
    Instant instant = Instant.parse("2026-12-03T05:59:01.123456Z");
    values.put("at", Timestamp.from(instant));

    OffsetDateTime read = Columns.time(row(), "at");

    assertThat(read).isEqualTo(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    assertThat(read.getOffset()).isEqualTo(ZoneOffset.UTC);
    assertThat(Columns.time(row(), "none")).isNull();
  }

  @Test
  void anIntegerIsNullOnlyWhenTheColumnIs() throws SQLException {
    values.put("cap", 0);

    assertThat(Columns.integer(row(), "cap")).isZero();
    assertThat(Columns.integer(row(), "none")).isNull();
  }

  @Test
  void aUuidIsTheDriversOwn() throws SQLException {
    UUID id = UUID.randomUUID();
    values.put("id", id);

    assertThat(Columns.uuid(row(), "id")).isEqualTo(id);
    assertThat(Columns.uuid(row(), "none")).isNull();
  }

  /** A row of {@link #values}, answering the JDBC 1 getters as a driver does. */
  private ResultSet row() {
    return (ResultSet)
        Proxy.newProxyInstance(
            ResultSet.class.getClassLoader(),
            new Class<?>[] {ResultSet.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "wasNull":
                  return last == null;
                case "getInt":
                  last = values.get((String) args[0]);
                  return last == null ? 0 : last;
                case "getObject", "getTimestamp":
                  if (args.length == 1 && args[0] instanceof String column) {
                    last = values.get(column);
                    return last;
                  }
                  throw new UnsupportedOperationException(method.toString());
                default:
                  throw new UnsupportedOperationException(method.toString());
              }
            });
  }
}
