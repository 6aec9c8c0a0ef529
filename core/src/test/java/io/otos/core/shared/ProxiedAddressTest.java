package io.otos.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProxiedAddressTest {

  private static final String PROXY = "10.0.0.1";

  @Test
  void theAddressTheProxyAddedLastIsTaken() {
    assertThat(ProxiedAddress.lastAddress(List.of("198.51.100.7"), PROXY))
        .isEqualTo("198.51.100.7");
    assertThat(ProxiedAddress.lastAddress(List.of("1.2.3.4, 198.51.100.7"), PROXY))
        .as("a device's claim before the proxy's own")
        .isEqualTo("198.51.100.7");
    assertThat(ProxiedAddress.lastAddress(List.of("1.2.3.4", "2001:db8::7"), PROXY))
        .as("a proxy that adds a line of its own")
        .isEqualTo("2001:db8::7");
  }

  @Test
  void withoutAWellFormedAddressThePeerIsTaken() {
    assertThat(ProxiedAddress.lastAddress(List.of(), PROXY)).isEqualTo(PROXY);
    assertThat(ProxiedAddress.lastAddress(List.of("1.2.3.4, <script>"), PROXY)).isEqualTo(PROXY);
    assertThat(ProxiedAddress.lastAddress(List.of("unknown"), PROXY)).isEqualTo(PROXY);
  }
}
