package io.otos.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminTokenTest {

  @Test
  void acceptsOnlyTheConfiguredToken() {
    AdminToken token = new AdminToken(Optional.of("s3cr3t-admin-token-value"));
    assertThat(token.isConfigured()).isTrue();
    assertThat(token.accepts("s3cr3t-admin-token-value")).isTrue();
    assertThat(token.accepts("s3cr3t-admin-token-valuE")).isFalse();
    assertThat(token.accepts("")).isFalse();
    assertThat(token.accepts(null)).isFalse();
  }

  @Test
  void withoutATokenOfSixteenCharactersNobodyIsAccepted() {
    for (Optional<String> configured :
        java.util.List.of(Optional.<String>empty(), Optional.of("short"))) {
      AdminToken token = new AdminToken(configured);
      assertThat(token.isConfigured()).isFalse();
      assertThat(token.accepts("short")).isFalse();
      assertThat(token.accepts("")).isFalse();
    }
  }
}
