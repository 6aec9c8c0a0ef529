package io.otos.core.store;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date when the application starts, before any request is served.
 * A migration that fails stops the deployment.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Lock(LockType.READ)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "java:app/jdbc/otos")
  private DataSource dataSource;

  private volatile String version;

  @PostConstruct
  void migrate() {
    requireReadCommitted();
    Flyway flyway =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load();
    int applied = flyway.migrate().migrationsExecuted;
    var current = flyway.info().current();
    version = current == null ? "none" : current.getVersion().getVersion();
    LOG.info(
        () ->
            "Database schema at version " + version + " (" + applied + " migrations applied now)");
  }

  /**
   * The provisioning's concurrency design (insert-if-absent, then lock) assumes READ COMMITTED,
   * PostgreSQL's default: a database whose default is another level stops the deployment.
   */
  private void requireReadCommitted() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      String level = setting(statement, "transaction_isolation");
      if (!"read committed".equals(level)) {
        throw new IllegalStateException(
            "The database's default transaction isolation is "
                + level
                + "; OTOS needs read committed (ALTER DATABASE ... SET default_transaction_isolation"
                + " = 'read committed')");
      }
      // Set per connection by OtosDataSource; a pooler in between (PgBouncer) may drop it.
      String timeout = setting(statement, "statement_timeout");
      if ("0".equals(timeout)) {
        LOG.warning(
            "Statements have no time limit: the connection option statement_timeout=30s did not"
                + " reach PostgreSQL (a connection pooler in between?); set it on the database");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the database's isolation level", e);
    }
  }

  private static String setting(Statement statement, String name) throws SQLException {
    try (ResultSet value = statement.executeQuery("SHOW " + name)) {
      value.next();
      return value.getString(1);
    }
  }

  /** The schema version the start-up migration left, or empty before it has run. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }
}
