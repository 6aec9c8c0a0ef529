package io.otos.core.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;

/**
 * A limit on failures per key (an address, a device number, a template): {@code failures} in any
 * {@code period}, as a token bucket per key that refills steadily. Buckets of keys not seen for a
 * period are forgotten, and at most {@code maxKeys} are kept, so that a flood of made-up keys costs
 * bounded memory (a forgotten key starts again with a full bucket).
 */
final class KeyedLimit {

  private final String name;
  private final int failures;
  private final Duration period;
  private final TimeMeter clock;
  private final Cache<String, Bucket> buckets;

  KeyedLimit(String name, int failures, Duration period, long maxKeys) {
    this(name, failures, period, maxKeys, TimeMeter.SYSTEM_NANOTIME);
  }

  KeyedLimit(String name, int failures, Duration period, long maxKeys, TimeMeter clock) {
    this.name = name;
    this.failures = failures;
    this.period = period;
    this.clock = clock;
    this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(period).build();
  }

  /** What the limit is called in metrics and logs: {@code source}, {@code device_number}, ... */
  String name() {
    return name;
  }

  /** {@code 30/60s}: so many failures per so many seconds. */
  String describe() {
    return failures + "/" + period.toSeconds() + "s";
  }

  boolean enabled() {
    return failures > 0;
  }

  /** How long this key must wait before it may try again, if it has used up its failures. */
  Optional<Duration> wait(String key) {
    if (!enabled() || key == null) {
      return Optional.empty();
    }
    Bucket bucket = buckets.getIfPresent(key);
    if (bucket == null || bucket.getAvailableTokens() > 0) {
      return Optional.empty();
    }
    return Optional.of(
        Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
  }

  /** Counts one failure of this key. */
  void failed(String key) {
    if (enabled() && key != null) {
      buckets.get(key, k -> newBucket()).tryConsume(1);
    }
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .withCustomTimePrecision(clock)
        .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, period).build())
        .build();
  }
}
