package io.otos.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The counts are of one JVM-wide instance, so each case compares with the count before it. */
class ConnectionUsageTest {

  private final ConnectionUsage usage = ConnectionUsage.instance();
  private final AtomicInteger closes = new AtomicInteger();

  @Test
  void aHandleIsInUseUntilItsFirstClose() throws SQLException {
    int before = usage.inUse();

    Connection handle = usage.take(this::connection);
    assertThat(usage.inUse()).isEqualTo(before + 1);
    handle.close();
    handle.close();

    assertThat(usage.inUse()).isEqualTo(before);
    assertThat(closes).hasValue(2);
  }

  @Test
  void aHandleKeptOpenLeavesItsConnectionToItsOwnerAndCountsNothing() throws SQLException {
    int before = usage.inUse();
    Connection owned = connection();

    Connection handle = ConnectionUsage.keptOpen(owned);
    handle.commit();
    handle.close();

    assertThat(closes).hasValue(0);
    assertThat(usage.inUse()).isEqualTo(before);
    owned.close();
    assertThat(closes).hasValue(1);
  }

  @Test
  void aTransactionsConnectionIsInUseUntilTheTransactionEndsNotUntilItIsClosed()
      throws SQLException {
    int before = usage.inUse();
    AtomicReference<Runnable> atEnd = new AtomicReference<>();

    Connection connection = usage.takeForTransaction(this::connection, atEnd::set);
    connection.close();
    assertThat(usage.inUse()).isEqualTo(before + 1);
    atEnd.get().run();
    atEnd.get().run();

    assertThat(usage.inUse()).isEqualTo(before);
  }

  @Test
  void aConnectionWhoseEndCannotBeAwaitedIsReleasedAndClosedAtOnce() {
    int before = usage.inUse();

    assertThatThrownBy(
            () ->
                usage.takeForTransaction(
                    this::connection,
                    release -> {
                      throw new IllegalStateException("marked for rollback");
                    }))
        .hasMessage("marked for rollback");

    assertThat(usage.inUse()).isEqualTo(before);
    assertThat(closes).hasValue(1);
  }

  @Test
  void aFailureToCloseThatConnectionIsKeptBehindTheFailureThatClosedIt() {
    int before = usage.inUse();
    Connection unclosable =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  throw new SQLException("connection lost");
                });

    assertThatThrownBy(
            () ->
                usage.takeForTransaction(
                    () -> unclosable,
                    release -> {
                      throw new IllegalStateException("marked for rollback");
                    }))
        .hasMessage("marked for rollback")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));

    assertThat(usage.inUse()).isEqualTo(before);
  }

  @Test
  void aFailedTakeLeavesNothingInUseOrWaiting() {
    int inUseBefore = usage.inUse();
    int waitingBefore = usage.waiting();

    assertThatThrownBy(
            () ->
                usage.take(
                    () -> {
                      throw new SQLException("pool exhausted");
                    }))
        .hasMessage("pool exhausted");

    assertThat(usage.inUse()).isEqualTo(inUseBefore);
    assertThat(usage.waiting()).isEqualTo(waitingBefore);
  }

  /** A connection that only counts its closes. */
  private Connection connection() {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                closes.incrementAndGet();
              }
              return null;
            });
  }
}
