package io.otos.server.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What PostgreSQL ran for one load of `./otos bench --profile`, from {@code pg_stat_statements}:
 * every statement with its calls and execution time per answered request, so the round trips a
 * request costs and the dearest of them can be read off.
 */
final class PgStatements {

  private final EmbeddedDatabase database;

  PgStatements(EmbeddedDatabase database) throws SQLException {
    this.database = database;
    try (Connection connection = connect()) {
      connection.createStatement().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
  }

  /** Forgets what ran so far, before a load. */
  void reset() throws SQLException {
    try (Connection connection = connect()) {
      connection.createStatement().execute("SELECT pg_stat_statements_reset()");
    }
  }

  /**
   * Writes what ran since {@link #reset()} into {@code file}, per one of {@code requests} answered
   * requests, and prints the totals.
   */
  void report(String load, long requests, Path file) throws Exception {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%s: %,d requests answered; per request:%n%8s %9s %9s %9s  %s%n",
            load,
            requests,
            "calls",
            "exec ms",
            "rows",
            "% exec",
            "statement"));
    double calls = 0;
    double execMillis = 0;
    try (Connection connection = connect();
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT calls, total_exec_time, rows, 100 * total_exec_time"
                        + " / nullif(sum(total_exec_time) OVER (), 0) AS share,"
                        + " regexp_replace(query, '\\s+', ' ', 'g') AS query"
                        + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database"
                        + " WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_%'"
                        + " ORDER BY total_exec_time DESC")) {
      while (rows.next()) {
        double perRequest = rows.getLong("calls") / (double) requests;
        calls += perRequest;
        execMillis += rows.getDouble("total_exec_time") / requests;
        text.append(
            String.format(
                Locale.ROOT,
                "%8.2f %9.3f %9.2f %8.1f%%  %s%n",
                perRequest,
                rows.getDouble("total_exec_time") / requests,
                rows.getLong("rows") / (double) requests,
                rows.getDouble("share"),
                abbreviated(rows.getString("query"))));
      }
    }
    Files.writeString(file, text);
    System.out.printf(
        Locale.ROOT,
        "  %-20s %.1f statements and %.3f ms of execution per request (pg_stat_statements,"
            + " in %s)%n",
        load,
        calls,
        execMillis,
        file.getFileName());
  }

  private static String abbreviated(String query) {
    return query.length() <= 160 ? query : query.substring(0, 157) + "...";
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
  }
}
