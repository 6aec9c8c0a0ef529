package io.otos.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void againstTakesACheckoutAndTheLoadsSize() {
    BenchOptions options =
        BenchOptions.parse(
            new String[] {"--against", "../before", "--runs", "6", "--seconds", "20"});

    assertThat(options.against()).contains(Path.of("../before").toAbsolutePath().normalize());
    assertThat(options.runs()).isEqualTo(6);
    assertThat(options.seconds()).isEqualTo(20);
    assertThat(options.againstDevices()).isEqualTo(options.devices());
  }

  @Test
  void theOtherServerMayBeSeededWithAnotherNumberOfDevices() {
    BenchOptions options =
        BenchOptions.parse(
            new String[] {"--against", ".", "--devices", "1000000", "--against-devices", "10000"});

    assertThat(options.devices()).isEqualTo(1_000_000);
    assertThat(options.againstDevices()).isEqualTo(10_000);
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--against-devices", "10000"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--against CHECKOUT");
  }

  @Test
  void againstRefusesTheOptionsItWouldIgnore() {
    for (String[] args :
        new String[][] {
          {"--against", "../before", "--profile"},
          {"--quick", "--against", "../before"},
          {"--against", "../before", "--storm", "5000"}
        }) {
      assertThatThrownBy(() -> BenchOptions.parse(args))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--against");
    }
    assertThat(BenchOptions.parse(new String[] {"--quick", "--profile"}).against()).isEmpty();
  }

  @Test
  void tooFewSeededDevicesForTheRepeatLoadsAreRefused() {
    for (String[] args :
        new String[][] {
          {"--devices", "99"},
          {"--against", "../before", "--against-devices", "0"},
        }) {
      assertThatThrownBy(() -> BenchOptions.parse(args))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least 100");
    }
    assertThat(BenchOptions.parse(new String[] {"--devices", "100"}).devices()).isEqualTo(100);
  }
}
