package io.otos.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private final AtomicLong nanos = new AtomicLong();
  private final SignInThrottle throttle = new SignInThrottle(3, nanos::get);

  @Test
  void theFirstAttemptsGoThrough() {
    assertThat(throttle.begin("alice")).isEmpty();
    assertThat(throttle.begin("alice")).isEmpty();
    assertThat(throttle.begin("alice")).isEmpty();
  }

  @Test
  void eachAttemptOverTheFreeOnesDoublesTheWait() {
    attempts("alice", 3);
    assertThat(throttle.begin("alice")).contains(Duration.ofSeconds(1));

    advance(Duration.ofSeconds(1));
    assertThat(throttle.begin("alice")).as("waited, so it goes through").isEmpty();
    assertThat(throttle.begin("alice")).contains(Duration.ofSeconds(2));

    advance(Duration.ofMillis(1500));
    assertThat(throttle.begin("alice")).contains(Duration.ofMillis(500));
  }

  @Test
  void aThrottledAttemptIsNotCountedAndAttemptsInParallelCannotSlipThrough() {
    attempts("alice", 3);

    for (int i = 0; i < 10; i++) {
      assertThat(throttle.begin("alice")).contains(Duration.ofSeconds(1));
    }
  }

  @Test
  void otherKeysAreNotSlowedDown() {
    attempts("alice", 3);

    assertThat(throttle.begin("alice")).isPresent();
    assertThat(throttle.begin("bob")).isEmpty();
  }

  @Test
  void signingInForgetsTheAttempts() {
    attempts("alice", 3);
    throttle.succeeded("alice");

    assertThat(throttle.begin("alice")).isEmpty();
  }

  @Test
  void aRefundGivesOneAttemptBack() {
    attempts("10.0.0.1", 3);
    throttle.refund("10.0.0.1");

    assertThat(throttle.begin("10.0.0.1")).isEmpty();
    assertThat(throttle.begin("10.0.0.1")).isPresent();
  }

  @Test
  void attemptsAreForgottenAfterAWhile() {
    attempts("alice", 3);
    advance(SignInThrottle.MEMORY.plus(SignInThrottle.MAX_WAIT).plusSeconds(1));

    assertThat(throttle.begin("alice")).isEmpty();
  }

  @Test
  void theWaitIsCappedAtFiveMinutes() {
    assertThat(SignInThrottle.penalty(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(SignInThrottle.penalty(8)).isEqualTo(Duration.ofSeconds(256));
    assertThat(SignInThrottle.penalty(9)).isEqualTo(SignInThrottle.MAX_WAIT);
    assertThat(SignInThrottle.penalty(1_000)).isEqualTo(SignInThrottle.MAX_WAIT);
  }

  private void attempts(String key, int count) {
    for (int i = 0; i < count; i++) {
      assertThat(throttle.begin(key)).isEmpty();
    }
  }

  private void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }
}
