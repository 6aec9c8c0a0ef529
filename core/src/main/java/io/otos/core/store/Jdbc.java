package io.otos.core.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Statements run through JDBC in the caller's transaction (there must be one), for the few hot
 * statements whose rows need no entity. An EclipseLink native query parses its SQL for parameters
 * and builds a call on every execution, and one that returns entities registers them in the unit of
 * work: the device's lock and insert took a fifth of a first provisioning's CPU samples that way
 * (JFR, 2026-12-02).
 *
 * <p>The connection comes from the persistence unit's pool, as EclipseLink's own do: inside a
 * transaction the pool hands out the connection already enlisted in it, so these statements and
 * EclipseLink's see each other's writes and commit or roll back together. (The persistence
 * context's {@code unwrap(Connection.class)} is no way to it: EclipseLink does not always hold its
 * connection between statements, and then answers null.)
 *
 * <p>The connection is counted in {@link ConnectionUsage} from the first statement of a transaction
 * until the transaction ends, because that is how long the pool lends it.
 *
 * <p>A failure is a {@link PersistenceException} whose cause keeps the SQL state, by which {@link
 * StoreFailures} tells a lost race.
 */
@ApplicationScoped
public class Jdbc {

  /** Reads the current row of a result. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** The pool behind the persistence unit (its {@code jta-data-source}). */
  @Resource(lookup = "java:app/jdbc/otos")
  private DataSource pool;

  @Resource private TransactionSynchronizationRegistry transactions;

  /**
   * Runs an INSERT, UPDATE or DELETE.
   *
   * @return how many rows it wrote
   */
  public int update(String sql, List<?> values) {
    try (Connection connection = transactionConnection();
        PreparedStatement statement = prepare(connection, sql, values)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException("A statement failed", e);
    }
  }

  /** Runs a statement and reads its first row, if any. */
  public <T> Optional<T> first(String sql, RowReader<T> reader, List<?> values) {
    try (Connection connection = transactionConnection();
        PreparedStatement statement = prepare(connection, sql, values);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
    } catch (SQLException e) {
      throw new PersistenceException("A statement failed", e);
    }
  }

  /**
   * Runs a statement and reads all its rows. A parameter may be a {@code String[]}, sent as a
   * {@code text[]} (cast it in the SQL to the array type it stands for): a group's statement takes
   * one array a column rather than one parameter a row, so its text stays the same whatever the
   * group's size.
   */
  public <T> List<T> list(String sql, RowReader<T> reader, List<?> values) {
    try (Connection connection = transactionConnection();
        PreparedStatement statement = prepare(connection, sql, values);
        ResultSet rows = statement.executeQuery()) {
      List<T> read = new ArrayList<>();
      while (rows.next()) {
        read.add(reader.read(rows));
      }
      return read;
    } catch (SQLException e) {
      throw new PersistenceException("A statement failed", e);
    }
  }

  /**
   * A connection of the caller's transaction. Outside one the pool would hand out a connection in
   * auto-commit, and a lock would end with its statement: that is refused.
   */
  private Connection transactionConnection() throws SQLException {
    if (transactions.getTransactionKey() == null) {
      throw new IllegalStateException("A statement through Jdbc needs the caller's transaction");
    }
    if (transactions.getResource(Jdbc.class) != null) {
      return pool.getConnection(); // the same one, already counted
    }
    Connection connection;
    try {
      connection =
          ConnectionUsage.instance()
              .takeForTransaction(
                  pool::getConnection,
                  release -> transactions.registerInterposedSynchronization(new AtEnd(release)));
    } catch (IllegalStateException markedForRollback) {
      // Payara takes no synchronization then; the statement may still run (and roll back), and
      // its handle is counted until it is closed.
      return ConnectionUsage.instance().take(pool::getConnection);
    }
    transactions.putResource(Jdbc.class, Boolean.TRUE);
    return connection;
  }

  /** Runs its action when the transaction has ended, committed or rolled back. */
  private record AtEnd(Runnable action) implements Synchronization {

    @Override
    public void beforeCompletion() {
      // nothing to do before
    }

    @Override
    public void afterCompletion(int status) {
      action.run();
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, List<?> values)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, values.get(i));
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }
}
