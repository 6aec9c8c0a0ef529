package io.otos.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

  private static final String SECRET = "a-template-secret-to-seal";
  private final SecretBox box = new SecretBox(Optional.of(key(1)), Optional.of(key(3)));
  private final UUID owner = UUID.randomUUID();

  @Test
  void aSealedSecretOpensForItsTemplate() {
    byte[] sealed = box.seal(SECRET, owner);
    assertThat(box.open(sealed, owner)).isEqualTo(SECRET);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
  }

  @Test
  void sealingTwiceGivesTwoDifferentBoxes() {
    assertThat(box.seal(SECRET, owner)).isNotEqualTo(box.seal(SECRET, owner));
  }

  @Test
  void aSealedSecretDoesNotOpenForAnotherTemplateUnderAnotherKeyOrAltered() {
    byte[] sealed = box.seal(SECRET, owner);
    assertThatThrownBy(() -> box.open(sealed, UUID.randomUUID()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(
            () -> new SecretBox(Optional.of(key(2)), Optional.empty()).open(sealed, owner))
        .isInstanceOf(IllegalStateException.class);
    byte[] altered = sealed.clone();
    altered[altered.length - 1] ^= 1;
    assertThatThrownBy(() -> box.open(altered, owner)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> box.open(new byte[] {9}, owner))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void withoutAProperKeyTheServerDoesNotStart() {
    assertThatThrownBy(() -> new SecretBox(Optional.empty(), Optional.empty()))
        .hasMessageContaining("OTOS_SECRET_KEY");
    assertThatThrownBy(() -> new SecretBox(Optional.of("c2hvcnQ="), Optional.empty()))
        .hasMessageContaining("OTOS_SECRET_KEY");
    String longKey = Base64.getEncoder().encodeToString(new byte[48]);
    assertThatThrownBy(() -> new SecretBox(Optional.of(longKey), Optional.empty()))
        .hasMessageContaining("exactly 32 bytes");
    assertThatThrownBy(() -> new SecretBox(Optional.of(key(1)), Optional.of(key(1))))
        .hasMessageContaining("another key than OTOS_HASH_KEY");
  }

  private static String key(int seed) {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) seed);
    return Base64.getEncoder().encodeToString(key);
  }
}
