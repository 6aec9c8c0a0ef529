package io.otos.server.run;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL started from the binaries Maven brings (zonky), for `./otos run` and the tests.
 * It listens on loopback only, on a free port.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** A database that keeps its data in {@code dataDirectory} across restarts. */
  public static EmbeddedDatabase persistentIn(Path dataDirectory) {
    return start(dataDirectory, false);
  }

  /**
   * Like {@link #persistentIn}, with {@code pg_stat_statements} loaded, for profiles: it costs a
   * little on every statement.
   */
  public static EmbeddedDatabase persistentCountingStatementsIn(Path dataDirectory) {
    return start(dataDirectory, true);
  }

  /** A throw-away database in a fresh temporary directory. */
  public static EmbeddedDatabase temporary() {
    return start(null, false);
  }

  private static EmbeddedDatabase start(Path dataDirectory, boolean countStatements) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "200")
              // Data that is kept must survive a crash; throw-away test data need not.
              .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
              .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on");
      if (countStatements) {
        builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
      }
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      return new EmbeddedDatabase(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
  }

  public int port() {
    return postgres.getPort();
  }

  public String user() {
    return "postgres";
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
