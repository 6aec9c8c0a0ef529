package io.otos.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void limitsAreBetweenOneAndTheMaximum() {
    assertThat(new PageRequest(0, 1).limit()).isEqualTo(1);
    assertThat(new PageRequest(10, PageRequest.MAX_LIMIT).offset()).isEqualTo(10);
    assertThatThrownBy(() -> new PageRequest(0, 0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> new PageRequest(0, PageRequest.MAX_LIMIT + 1))
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> new PageRequest(-1, 10)).hasMessageContaining("offset");
  }

  @Test
  void aPageMapsItsItemsAndKeepsItsTotal() {
    Page<Integer> page = new Page<>(List.of(1, 2), 40);
    assertThat(page.map(i -> "#" + i)).isEqualTo(new Page<>(List.of("#1", "#2"), 40));
  }
}
