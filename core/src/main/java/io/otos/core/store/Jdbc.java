package io.otos.core.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;

/**
 * Statements run through JDBC in the caller's transaction (there must be one), for the few hot
 * statements whose rows need no entity. An EclipseLink native query parses its SQL for parameters
 * and builds a call on every execution, and one that returns entities registers them in the unit of
 * work: the device's lock and insert took a fifth of a first provisioning's CPU samples that way
 * (JFR, 2026-12-02).
 *
 * <p>These statements and EclipseLink's share the transaction's one connection, so they see each
 * other's writes and commit or roll back together. While EclipseLink holds it (once it has begun
 * its transaction on the database, until the transaction ends), it is taken from EclipseLink: the
 * pool hands out the connection enlisted in a transaction only while no handle to it is open, and
 * otherwise took a second connection from the pool for as long as the statement ran. A request then
 * held two connections, and when every connection was held by requests waiting for a lock (a capped
 * template's, a device's), the lock's holder found none: it failed after the pool's wait, with a
 * 503. When EclipseLink holds none, as on the device auth's usual path, the connection comes from
 * the pool, which then hands out the enlisted one.
 *
 * <p>A connection from the pool is counted in {@link ConnectionUsage} from the first statement of a
 * transaction until the transaction ends, because that is how long the pool lends it; EclipseLink's
 * is counted as EclipseLink's.
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

  @PersistenceContext(unitName = "otos")
  private EntityManager em;

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
   * A connection of the caller's transaction, for bulk statements of its own making; close it after
   * use. Outside a transaction the pool would hand out a connection in auto-commit, and a lock
   * would end with its statement: that is refused.
   */
  public Connection transactionConnection() throws SQLException {
    if (transactions.getTransactionKey() == null) {
      throw new IllegalStateException("A statement through Jdbc needs the caller's transaction");
    }
    Optional<Connection> held = heldByEclipseLink();
    if (held.isPresent()) {
      return ConnectionUsage.keptOpen(held.get());
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

  /**
   * The connection EclipseLink holds for the rest of the transaction, if it holds one: once it has
   * begun its transaction on the database (for a lock, a write, a read: reads join the transaction,
   * see persistence.xml). Asked only where it has begun one ({@link HeldConnections}), and without
   * making it take a connection, as {@code unwrap(Connection.class)} would: a checkout for every
   * statement.
   */
  private Optional<Connection> heldByEclipseLink() {
    if (!HeldConnections.inTransaction(transactions)) {
      return Optional.empty();
    }
    UnitOfWorkImpl work = em.unwrap(UnitOfWorkImpl.class);
    Accessor accessor = work.isInTransaction() ? work.getAccessor() : null;
    return accessor == null ? Optional.empty() : Optional.ofNullable(accessor.getConnection());
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
