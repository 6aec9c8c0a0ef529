package io.otos.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rows of different tables to be inserted together, by one statement: one round trip to the
 * database instead of one for each. EclipseLink writes each new entity with a statement of its own
 * at commit; a provisioning, which adds a voucher and an audit record on every request, takes this
 * way instead (see {@link InsertRepository}).
 *
 * <p>Each feature describes its own rows ({@link Row}), so its table stays its own. The rows must
 * not refer to each other: the database may insert them in any order.
 */
public final class Inserts {

  /** One column's value, with its SQL type (the value is cast to it, so a null has a type). */
  public record Column(String name, String sqlType, Object value) {

    public Column {
      requireIdentifier(name);
      requireIdentifier(sqlType);
    }
  }

  /** One row of {@code table}. */
  public record Row(String table, List<Column> columns) {

    public Row {
      requireIdentifier(table);
      columns = List.copyOf(columns);
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("A row needs at least one column");
      }
    }
  }

  private final List<Row> rows = new ArrayList<>();

  public void add(Row row) {
    rows.add(Objects.requireNonNull(row));
  }

  /**
   * The statement: every row but the last in a {@code WITH} clause, the last as the statement's own
   * {@code INSERT}. Its JDBC parameters ({@code ?}) come in the order of {@link #parameters()}.
   * Built with one builder: every provisioning writes one.
   */
  String sql() {
    if (rows.isEmpty()) {
      throw new IllegalStateException("Nothing to insert");
    }
    StringBuilder sql = new StringBuilder(160 * rows.size());
    int last = rows.size() - 1;
    for (int i = 0; i < last; i++) {
      sql.append(i == 0 ? "WITH " : ", ").append("row").append(i + 1).append(" AS (");
      appendInsert(sql, rows.get(i)).append(')');
    }
    if (last > 0) {
      sql.append(' ');
    }
    return appendInsert(sql, rows.get(last)).toString();
  }

  /** The values, in the order the statement takes them. */
  List<Object> parameters() {
    List<Object> values = new ArrayList<>();
    for (Row row : rows) {
      for (Column column : row.columns()) {
        values.add(column.value());
      }
    }
    return values;
  }

  private static StringBuilder appendInsert(StringBuilder sql, Row row) {
    List<Column> columns = row.columns();
    sql.append("INSERT INTO ").append(row.table()).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(columns.get(i).name());
    }
    sql.append(") VALUES (");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("CAST(? AS ")
          .append(columns.get(i).sqlType())
          .append(')');
    }
    return sql.append(')');
  }

  /**
   * Names and types are written into the SQL: only plain identifiers ({@code [a-z_][a-z0-9_]*}) may
   * be. Checked character by character, not with a regex, since every column of every provisioning
   * comes through here (a matcher each was 3 % of a provisioning's allocations).
   */
  private static void requireIdentifier(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
      if (!plain) {
        throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
      }
    }
  }
}
