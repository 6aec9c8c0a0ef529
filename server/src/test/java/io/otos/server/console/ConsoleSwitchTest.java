package io.otos.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleSwitchTest {

  @Test
  void theServletsOfTheApisAndOperatorEndpointsAreNotTheConsole() {
    assertThat(ConsoleSwitch.isNotConsole("/api")).isTrue();
    assertThat(ConsoleSwitch.isNotConsole("/health")).isTrue();
    assertThat(ConsoleSwitch.isNotConsole("/health/ready")).isTrue();
    assertThat(ConsoleSwitch.isNotConsole("/metrics")).isTrue();
    assertThat(ConsoleSwitch.isNotConsole("/openapi")).isTrue();
  }

  @Test
  void everyOtherServletIsTheConsole() {
    assertThat(ConsoleSwitch.isNotConsole("")).as("Vaadin, mapped to /*").isFalse();
    assertThat(ConsoleSwitch.isNotConsole("/VAADIN")).isFalse();
    assertThat(ConsoleSwitch.isNotConsole("/api-docs/index.html")).isFalse();
    assertThat(ConsoleSwitch.isNotConsole("/apiary")).isFalse();
    assertThat(ConsoleSwitch.isNotConsole("/healthz")).isFalse();
  }
}
