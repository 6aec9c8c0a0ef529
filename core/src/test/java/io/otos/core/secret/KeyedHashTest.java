package io.otos.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyedHashTest {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String OTHER_KEY =
      Base64.getEncoder().encodeToString("k".repeat(32).getBytes());

  @Test
  void theSameSecretHashesAlikeUnderOneKeyAndDifferentlyUnderAnother() {
    KeyedHash hash = new KeyedHash(Optional.of(KEY));
    assertThat(hash.hash("secret")).isEqualTo(hash.hash("secret")).hasSize(32);
    assertThat(hash.hash("secret")).isNotEqualTo(hash.hash("secreT"));
    assertThat(new KeyedHash(Optional.of(OTHER_KEY)).hash("secret"))
        .isNotEqualTo(hash.hash("secret"));
  }

  @Test
  void refusesAMissingShortOrMalformedKeyWithoutShowingIt() {
    assertThatThrownBy(() -> new KeyedHash(Optional.empty())).hasMessageContaining("OTOS_HASH_KEY");
    assertThatThrownBy(() -> new KeyedHash(Optional.of(" "))).hasMessageContaining("OTOS_HASH_KEY");
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> new KeyedHash(Optional.of(shortKey)))
        .hasMessageContaining("at least 32")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(shortKey));
    assertThatThrownBy(() -> new KeyedHash(Optional.of("not base64 at all!")))
        .hasMessageContaining("base64");
  }
}
