package io.otos.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyedLimitTest {

  private final ManualClock clock = new ManualClock();
  private final KeyedLimit limit = new KeyedLimit("source", 3, Duration.ofSeconds(60), 100, clock);

  @Test
  void aKeyMayFailAsOftenAsTheLimitAndThenMustWait() {
    for (int i = 0; i < 3; i++) {
      assertThat(limit.wait("10.0.0.1")).as("before failure %d", i + 1).isEmpty();
      limit.failed("10.0.0.1");
    }

    assertThat(limit.wait("10.0.0.1")).hasValueSatisfying(w -> assertThat(w).isPositive());
    assertThat(limit.wait("10.0.0.2")).as("another key").isEmpty();
  }

  @Test
  void theWaitIsTheTimeOneFailureTakesToRefill() {
    fail("10.0.0.1", 3);

    assertThat(limit.wait("10.0.0.1").orElseThrow()).isEqualTo(Duration.ofSeconds(20));
    clock.advance(Duration.ofSeconds(19));
    assertThat(limit.wait("10.0.0.1")).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(limit.wait("10.0.0.1")).isEmpty();
  }

  @Test
  void aLimitOfNoFailuresIsSwitchedOffAndUnknownKeysAreNeverLimited() {
    KeyedLimit off = new KeyedLimit("template", 0, Duration.ofSeconds(60), 100, clock);
    for (int i = 0; i < 10; i++) {
      off.failed("t");
      limit.failed(null);
    }

    assertThat(off.enabled()).isFalse();
    assertThat(off.wait("t")).isEmpty();
    assertThat(limit.wait(null)).isEmpty();
    assertThat(limit.describe()).isEqualTo("3/60s");
  }

  private void fail(String key, int times) {
    for (int i = 0; i < times; i++) {
      limit.failed(key);
    }
  }

  /** A clock the test moves. */
  static final class ManualClock implements TimeMeter {
    private long nanos;

    void advance(Duration by) {
      nanos += by.toNanos();
    }

    @Override
    public long currentTimeNanos() {
      return nanos;
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }
}
