package io.otos.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class StoreFailuresTest {

  @Test
  void aUniqueViolationIsFoundDeepInTheCauses() {
    var failure = new RuntimeException(new IllegalStateException(new SQLException("dup", "23505")));
    assertThat(StoreFailures.isUniqueViolation(failure)).isTrue();
    assertThat(
            StoreFailures.isUniqueViolation(new RuntimeException(new SQLException("x", "23503"))))
        .isFalse();
  }

  @Test
  void lostRacesAreUniqueViolationsDeadlocksAndSerializationFailures() {
    assertThat(StoreFailures.isLostRace(new RuntimeException(new SQLException("dup", "23505"))))
        .isTrue();
    assertThat(
            StoreFailures.isLostRace(new RuntimeException(new SQLException("deadlock", "40P01"))))
        .isTrue();
    assertThat(StoreFailures.isLostRace(new RuntimeException(new SQLException("serial", "40001"))))
        .isTrue();
    assertThat(StoreFailures.isLostRace(new RuntimeException(new SQLException("no state"))))
        .isFalse();
    assertThat(StoreFailures.isUniqueViolation(new SQLException("no state", (String) null)))
        .isFalse();
  }

  @Test
  void connectionFailuresMeanTheDatabaseIsUnavailable() {
    assertThat(
            StoreFailures.isUnavailable(new RuntimeException(new SQLException("refused", "08001"))))
        .isTrue();
    assertThat(
            StoreFailures.isUnavailable(
                new RuntimeException(new SQLTransientConnectionException())))
        .isTrue();
    assertThat(
            StoreFailures.isUnavailable(
                new RuntimeException(new SQLException("shutdown", "57P01"))))
        .isTrue();
    assertThat(
            StoreFailures.isUnavailable(new RuntimeException(new SQLException("syntax", "42601"))))
        .isFalse();
    assertThat(StoreFailures.isUnavailable(new NullPointerException())).isFalse();
  }
}
