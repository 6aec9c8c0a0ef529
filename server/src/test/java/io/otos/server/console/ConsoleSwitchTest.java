package io.otos.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleSwitchTest {

  @Test
  void theApisAndOperatorEndpointsAreNotTheConsole() {
    assertThat(ConsoleSwitch.isNotConsole("/api/v1/device/auth")).isTrue();
    assertThat(ConsoleSwitch.isNotConsole("/health/ready")).isTrue();
    assertThat(ConsoleSwitch.isNotConsole("/metrics")).isTrue();
    assertThat(ConsoleSwitch.isNotConsole("/openapi")).isTrue();
  }

  @Test
  void everythingElseIsTheConsole() {
    assertThat(ConsoleSwitch.isNotConsole("/")).isFalse();
    assertThat(ConsoleSwitch.isNotConsole("/VAADIN/build/x.js")).isFalse();
    assertThat(ConsoleSwitch.isNotConsole("/api-docs/index.html")).isFalse();
    assertThat(ConsoleSwitch.isNotConsole("/apiary")).isFalse();
    assertThat(ConsoleSwitch.isNotConsole("/healthz")).isFalse();
  }
}
