package io.otos.core.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * How many database connections OTOS holds at this moment, and how many requests are waiting for
 * one: the figures an operator needs to size the pool. Every connection handle OTOS takes
 * (EclipseLink's through {@link CountedConnector}) is counted until it is closed, whatever pool or
 * data source stands behind it; the connection {@link Jdbc} takes from the pool in a transaction is
 * counted until that transaction ends. Within one transaction EclipseLink and {@link Jdbc} may each
 * hold a handle over the same physical connection ({@link Jdbc}'s taken before EclipseLink's first
 * statement), so the count can exceed the physical connections in use by one per such request; it
 * never misses one.
 *
 * <p>One instance per JVM, because EclipseLink creates its session customizer outside CDI.
 */
public final class ConnectionUsage {

  private static final ConnectionUsage INSTANCE = new ConnectionUsage();

  private final AtomicInteger inUse = new AtomicInteger();
  private final AtomicInteger waiting = new AtomicInteger();

  private ConnectionUsage() {}

  public static ConnectionUsage instance() {
    return INSTANCE;
  }

  /** Connections taken and not yet closed. */
  public int inUse() {
    return inUse.get();
  }

  /** Callers waiting for the pool to hand them a connection. */
  public int waiting() {
    return waiting.get();
  }

  /**
   * Takes a connection from {@code source}, counting the wait and then the use until the returned
   * connection is closed.
   */
  public Connection take(Callable<Connection> source) throws SQLException {
    return handle(await(source), true, counted());
  }

  /**
   * A handle on {@code connection} whose close leaves it open, for its owner to close: another's
   * connection lent for a statement, already counted as its owner's.
   */
  static Connection keptOpen(Connection connection) {
    return handle(connection, false, () -> {});
  }

  private static Connection handle(Connection connection, boolean closes, Runnable onClose) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new OnClose(connection, closes, onClose));
  }

  /**
   * Takes a connection from {@code source} for the rest of a transaction: counts the wait, then the
   * use until the release handed to {@code whenTransactionEnds} runs, however often handles to the
   * connection are closed before that. If {@code whenTransactionEnds} fails, the connection is
   * released and closed at once and the failure thrown.
   */
  public Connection takeForTransaction(
      Callable<Connection> source, Consumer<Runnable> whenTransactionEnds) throws SQLException {
    Connection connection = await(source);
    Runnable release = counted();
    try {
      whenTransactionEnds.accept(release);
    } catch (RuntimeException e) {
      release.run();
      try {
        connection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return connection;
  }

  /** Counts one connection in use, and returns what counts it released: once, however often run. */
  private Runnable counted() {
    inUse.incrementAndGet();
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        inUse.decrementAndGet();
      }
    };
  }

  private Connection await(Callable<Connection> source) throws SQLException {
    waiting.incrementAndGet();
    try {
      return source.call();
    } catch (SQLException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new SQLException("Could not get a database connection", e);
    } finally {
      waiting.decrementAndGet();
    }
  }

  /**
   * Hands every call to the connection, and runs {@code onClose} when the handle is closed; the
   * close itself reaches the connection only if the handle {@code closes} it.
   */
  private static final class OnClose implements InvocationHandler {

    private final Connection connection;
    private final boolean closes;
    private final Runnable onClose;

    OnClose(Connection connection, boolean closes, Runnable onClose) {
      this.connection = connection;
      this.closes = closes;
      this.onClose = onClose;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      boolean close = method.getName().equals("close");
      try {
        return close && !closes ? null : method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      } finally {
        if (close) {
          onClose.run();
        }
      }
    }
  }
}
