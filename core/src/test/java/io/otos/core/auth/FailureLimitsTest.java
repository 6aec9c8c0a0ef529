package io.otos.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otos.core.auth.KeyedLimitTest.ManualClock;
import io.otos.core.device.DeviceNumber;
import io.otos.core.shared.DomainException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class FailureLimitsTest {

  private final ManualClock clock = new ManualClock();
  private final Recorded throttled = new Recorded();
  private final FailureLimits limits =
      new FailureLimits(
          new KeyedLimit("source", 5, Duration.ofSeconds(60), 100, clock),
          new KeyedLimit("device_number", 2, Duration.ofSeconds(60), 100, clock),
          new KeyedLimit("template", 3, Duration.ofSeconds(60), 100, clock),
          throttled);

  @Test
  void aDeviceNumberThatFailedTooOftenIsRefusedFromAnyAddress() {
    limits.failed("10.0.0.1", "AA:01", null);
    limits.failed("10.0.0.2", "AA:01", null);

    assertThatThrownBy(() -> limits.admit("10.0.0.3", "AA:01"))
        .isInstanceOfSatisfying(
            TooManyFailuresException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.THROTTLED);
              assertThat(e.code()).isEqualTo("TOO_MANY_FAILED_ATTEMPTS");
              assertThat(e.retryAfterSeconds()).isEqualTo(30);
              assertThat(e.getMessage()).doesNotContain("AA:01", "device_number", "address");
            });
    assertThat(throttled.limits).containsExactly("device_number");
    assertThatCode(() -> limits.admit("10.0.0.3", "AA:02")).doesNotThrowAnyException();
  }

  @Test
  void anAddressThatFailedTooOftenIsRefusedForAnyNumberUntilItsBucketRefills() {
    for (int i = 0; i < 5; i++) {
      limits.failed("10.0.0.1", "n" + i, null);
    }

    assertThatThrownBy(() -> limits.admit("10.0.0.1", "fresh"))
        .isInstanceOf(TooManyFailuresException.class);
    clock.advance(Duration.ofSeconds(12));
    assertThatCode(() -> limits.admit("10.0.0.1", "fresh")).doesNotThrowAnyException();
  }

  @Test
  void aTemplateThatFailedTooOftenIsRefusedOnlyForItself() {
    UUID template = UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      limits.failed("10.0.0." + i, "n" + i, template);
    }

    assertThatThrownBy(() -> limits.admitTemplate(template))
        .isInstanceOf(TooManyFailuresException.class);
    assertThatCode(() -> limits.admitTemplate(UUID.randomUUID())).doesNotThrowAnyException();
    assertThatCode(() -> limits.admitTemplate(null)).doesNotThrowAnyException();
    assertThat(throttled.limits).containsExactly("template");
  }

  @Test
  void aNumberTooLongToBeValidIsNotRemembered() {
    String tooLong = "n".repeat(DeviceNumber.MAX_LENGTH + 1);
    for (int i = 0; i < 3; i++) {
      limits.failed("10.0.0." + i, tooLong, null);
    }

    assertThatCode(() -> limits.admit("10.0.0.9", tooLong)).doesNotThrowAnyException();
  }

  @Test
  void theLimitsDescribeThemselves() {
    assertThat(limits.describe())
        .containsExactly("source 5/60s", "device_number 2/60s", "template 3/60s");
  }

  /** Records the events fired. */
  static final class Recorded implements Event<AuthThrottled> {
    final List<String> limits = new ArrayList<>();

    @Override
    public void fire(AuthThrottled event) {
      limits.add(event.limit());
    }

    @Override
    public <U extends AuthThrottled> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends AuthThrottled> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Event<AuthThrottled> select(Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends AuthThrottled> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends AuthThrottled> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
