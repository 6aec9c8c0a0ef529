package io.otos.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otos.core.shared.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignatureWindowTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final SignatureWindow window =
      new SignatureWindow(Duration.ofSeconds(300), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aTimestampWithinTheWindowEitherWayIsAdmittedAndItsNonceKeptUntilTheWindowCloses() {
    long early = NOW.minusSeconds(300).toEpochMilli();
    long late = NOW.plusSeconds(300).toEpochMilli();
    assertThat(window.admit(early)).isEqualTo(NOW.plus(SignatureWindow.CLOCK_MARGIN));
    assertThat(window.admit(late))
        .isEqualTo(NOW.plusSeconds(600).plus(SignatureWindow.CLOCK_MARGIN));
  }

  @Test
  void aTimestampOutsideTheWindowIsRefusedWithTheServersTime() {
    for (long timestamp :
        new long[] {
          NOW.minusSeconds(301).toEpochMilli(),
          NOW.plusMillis(300_001).toEpochMilli(),
          0,
          Long.MAX_VALUE
        }) {
      assertThatThrownBy(() -> window.admit(timestamp))
          .isInstanceOfSatisfying(
              DomainException.class, e -> assertThat(e.code()).isEqualTo("TIMESTAMP_OUT_OF_WINDOW"))
          .hasMessageContaining(String.valueOf(NOW.toEpochMilli()));
    }
  }

  @Test
  void anEmptyWindowIsAConfigurationError() {
    assertThatThrownBy(() -> new SignatureWindow(Duration.ZERO, Clock.systemUTC()))
        .hasMessageContaining("OTOS_SIGNATURE_WINDOW_SECONDS");
  }
}
