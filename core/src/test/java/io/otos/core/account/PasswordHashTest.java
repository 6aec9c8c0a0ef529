package io.otos.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otos.core.shared.DomainException;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

  private final PasswordHash passwords = new PasswordHash(1_000);

  @Test
  void theRightPasswordMatchesItsHashAndNoOtherDoes() {
    String stored = passwords.hash("correct horse battery");

    assertThat(passwords.matches("correct horse battery", stored)).isTrue();
    assertThat(passwords.matches("correct horse batterY", stored)).isFalse();
    assertThat(passwords.matches("", stored)).isFalse();
    assertThat(passwords.matches(null, stored)).isFalse();
  }

  @Test
  void theHashIsSaltedAndKeepsNoTraceOfThePassword() {
    String first = passwords.hash("correct horse battery");
    String second = passwords.hash("correct horse battery");

    assertThat(first).isNotEqualTo(second).startsWith("pbkdf2-sha256$1000$");
    assertThat(first).doesNotContain("horse");
  }

  @Test
  void theIterationCountTravelsWithTheHash() {
    String stored = new PasswordHash(2_000).hash("correct horse battery");

    assertThat(passwords.matches("correct horse battery", stored)).isTrue();
  }

  @Test
  void theDefaultFollowsTheOwaspRecommendation() {
    assertThat(new PasswordHash().hash("correct horse battery"))
        .startsWith("pbkdf2-sha256$600000$");
  }

  @Test
  void aMalformedStoredHashMatchesNothing() {
    assertThat(passwords.matches("correct horse battery", "plain text")).isFalse();
  }

  @Test
  void shortAndHugePasswordsAreRefusedWithoutEcho() {
    assertThatThrownBy(() -> PasswordHash.requireAcceptable("short pw"))
        .isInstanceOf(DomainException.class)
        .hasMessageNotContaining("short pw")
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("PASSWORD_TOO_SHORT");
    assertThatThrownBy(() -> PasswordHash.requireAcceptable("x".repeat(129)))
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("PASSWORD_TOO_LONG");
    PasswordHash.requireAcceptable("twelve chars");
  }
}
