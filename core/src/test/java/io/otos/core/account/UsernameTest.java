package io.otos.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otos.core.shared.DomainException;
import org.junit.jupiter.api.Test;

class UsernameTest {

  @Test
  void whatPeopleTypeIsTrimmedAndFolded() {
    assertThat(Username.of("  Alice.Ops@Example ").value()).isEqualTo("alice.ops@example");
  }

  @Test
  void namesOutsideTheAlphabetOrLengthAreRefused() {
    for (String typed : new String[] {null, "", "ab", "a b c", "alice;drop", "x".repeat(65)}) {
      assertThatThrownBy(() -> Username.of(typed))
          .isInstanceOf(DomainException.class)
          .extracting(e -> ((DomainException) e).code())
          .isEqualTo("USERNAME_INVALID");
    }
  }
}
