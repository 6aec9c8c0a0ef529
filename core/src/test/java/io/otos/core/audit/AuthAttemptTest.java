package io.otos.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthAttemptTest {

  @Test
  void textFromTheClientIsKeptPrintableAndCutToItsColumn() {
    AuthAttempt attempt =
        new AuthAttempt(
            "127.0.0.1",
            "bad\u0000num\nber" + "x".repeat(400),
            null,
            null,
            AuthOutcome.FAILURE,
            "X",
            null);
    assertThat(attempt.deviceNumber().orElseThrow()).startsWith("bad?num?ber").hasSize(255);
    assertThat(attempt.detail()).isEmpty();
  }

  @Test
  void surrogatePairsAreNeverCutInHalf() {
    String cut = AuthAttempt.printable("😀".repeat(300), 255);
    assertThat(cut.length()).isLessThanOrEqualTo(255);
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
  }
}
