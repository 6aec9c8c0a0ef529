package io.otos.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateSecretTest {

  @Test
  void generatedSecretsHold256RandomBitsAndDiffer() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String secret = TemplateSecret.generate().reveal();
      assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
      assertThat(seen.add(secret)).isTrue();
    }
  }

  @Test
  void aChosenSecretHasAtLeastSixteenPrintableCharacters() {
    assertThat(TemplateSecret.chosen("0123456789abcdef").reveal()).isEqualTo("0123456789abcdef");
    assertThat(TemplateSecret.chosen("correct horse battery staple").reveal()).contains(" ");
    assertThatThrownBy(() -> TemplateSecret.chosen("0123456789abcde"))
        .hasMessageContaining("at least 16");
    assertThatThrownBy(() -> TemplateSecret.chosen(" 0123456789abcdef"))
        .hasMessageContaining("white space");
    assertThatThrownBy(() -> TemplateSecret.chosen("0123456789abcdef\n"))
        .hasMessageContaining("control");
    assertThatThrownBy(() -> TemplateSecret.chosen("x".repeat(256)))
        .hasMessageContaining("at most 255");
  }

  @Test
  void itsTextNeverShowsTheSecret() {
    TemplateSecret secret = TemplateSecret.chosen("do-not-print-this-secret");
    assertThat(secret.toString()).doesNotContain("do-not-print");
  }

  @Test
  void errorMessagesNeverRepeatTheSecret() {
    assertThatThrownBy(() -> TemplateSecret.chosen("short-secret"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("short-secret"));
  }
}
