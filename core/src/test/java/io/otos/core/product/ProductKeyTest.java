package io.otos.core.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProductKeyTest {

  @Test
  void keysAreShortIdentifiersWithoutSpacesOrControlCharacters() {
    assertThat(new ProductKey("pk_EU-2024.v1:a").value()).isEqualTo("pk_EU-2024.v1:a");
    assertThatThrownBy(() -> new ProductKey("")).hasMessageContaining("product_key");
    assertThatThrownBy(() -> new ProductKey("with space")).hasMessageContaining("product_key");
    assertThatThrownBy(() -> new ProductKey("k".repeat(129))).hasMessageContaining("128");
  }

  @Test
  void generatedKeysAreSixteenUnambiguousCharacters() {
    String key = ProductKey.generate().value();
    assertThat(key).hasSize(16).doesNotContainPattern("[0O1lI]");
    assertThat(ProductKey.generate().value()).isNotEqualTo(key);
  }
}
