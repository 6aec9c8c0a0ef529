package io.otos.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void acceptsPrintableTextUpToTheLimit() {
    assertThat(Text.require("AA:BB:CC:DD:EE:FF", "device_number", 17))
        .isEqualTo("AA:BB:CC:DD:EE:FF");
    assertThat(Text.require("Café ☕ 温度计 😀", "device_name", 255)).isEqualTo("Café ☕ 温度计 😀");
  }

  @Test
  void refusesMissingBlankTooLongAndControlCharactersNamingTheField() {
    assertThatThrownBy(() -> Text.require(null, "device_number", 10))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.code()).isEqualTo("DEVICE_NUMBER_MISSING");
              assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            })
        .hasMessageContaining("device_number");
    assertThatThrownBy(() -> Text.require("  ", "device_number", 10)).hasMessageContaining("blank");
    assertThatThrownBy(() -> Text.require("12345678901", "device_number", 10))
        .hasMessageContaining("at most 10");
    for (String bad :
        new String[] {"a\u0000b", "a\nb", "a\tb", "a\u007fb", "a\u200bb", "a\ud800b"}) {
      assertThatThrownBy(() -> Text.require(bad, "device_name", 10))
          .as(bad)
          .isInstanceOfSatisfying(
              DomainException.class, e -> assertThat(e.code()).isEqualTo("DEVICE_NAME_INVALID"));
    }
  }
}
