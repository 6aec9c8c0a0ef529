package io.otos.console.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

class CountCardTest {

  @Test
  void showsTheCountUnderItsIdAndTheLabel() {
    CountCard card = new CountCard("devices-count", "Devices", 1234);

    var spans = card.getChildren().map(Span.class::cast).toList();

    assertThat(spans).hasSize(2);
    assertThat(spans.get(0).getId()).contains("devices-count");
    assertThat(spans.get(0).getText()).isEqualTo("1234");
    assertThat(spans.get(1).getText()).isEqualTo("Devices");
  }
}
