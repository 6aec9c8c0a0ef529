package io.otos.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomnessTest {

  @Test
  void uuidsAreVersion4AndDoNotRepeat() {
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      UUID id = Randomness.uuid();
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.variant()).isEqualTo(2);
      assertThat(UUID.fromString(id.toString())).isEqualTo(id);
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void generatorsAre256BitDrbgs() {
    assertThat(Randomness.generator().getAlgorithm()).isEqualTo("DRBG");
    assertThat(Randomness.generator().toString()).contains("SHA-256,256,");
  }

  @Test
  void eachThreadHasItsOwnGenerator() throws Exception {
    var mine = Randomness.generator();
    var other = new java.util.concurrent.atomic.AtomicReference<Object>();
    Thread thread = new Thread(() -> other.set(Randomness.generator()));
    thread.start();
    thread.join();
    assertThat(other.get()).isNotNull().isNotSameAs(mine);
    assertThat(Randomness.generator()).isSameAs(mine);
  }
}
