package io.otos.core.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * Slows down password guessing. Every attempt of a key (a username, an address) is counted before
 * its password is checked, atomically with the check of the wait, so that attempts sent in parallel
 * cannot slip through together. After {@code free} attempts a key must wait before each further
 * one, twice as long as before: one second, then two, ... up to {@link #MAX_WAIT}. A key is
 * forgotten {@link #MEMORY} after its last attempt; a successful sign-in forgets its username and
 * gives its address its attempt back. Kept in memory per node, at most 100,000 keys, so that
 * made-up names cost bounded memory.
 */
final class SignInThrottle {

  static final Duration MAX_WAIT = Duration.ofMinutes(5);
  static final Duration MEMORY = Duration.ofMinutes(15);

  private record Attempts(int count, long lastNanos) {}

  private final int free;
  private final Ticker ticker;
  private final Cache<String, Attempts> attempts;

  SignInThrottle(int free, Ticker ticker) {
    this.free = free;
    this.ticker = ticker;
    this.attempts =
        Caffeine.newBuilder()
            .ticker(ticker)
            .maximumSize(100_000)
            .expireAfterWrite(MEMORY.plus(MAX_WAIT))
            .build();
  }

  /**
   * Counts an attempt of {@code key} and lets it go on, or, when the key must still wait, counts
   * nothing and says how long.
   */
  Optional<Duration> begin(String key) {
    long now = ticker.read();
    Duration[] wait = {null};
    attempts
        .asMap()
        .compute(
            key,
            (k, seen) -> {
              if (seen == null) {
                return new Attempts(1, now);
              }
              Duration left = left(seen, now);
              if (left != null) {
                wait[0] = left;
                return seen;
              }
              return new Attempts(seen.count() + 1, now);
            });
    return Optional.ofNullable(wait[0]);
  }

  /** Forgets the key's attempts: its owner signed in. */
  void succeeded(String key) {
    attempts.invalidate(key);
  }

  /** Gives back one attempt: it succeeded, so it should not count against the key. */
  void refund(String key) {
    attempts
        .asMap()
        .computeIfPresent(
            key,
            (k, seen) ->
                seen.count() <= 1 ? null : new Attempts(seen.count() - 1, seen.lastNanos()));
  }

  private Duration left(Attempts seen, long now) {
    if (seen.count() < free) {
      return null;
    }
    Duration left = penalty(seen.count() - free).minus(Duration.ofNanos(now - seen.lastNanos()));
    return left.isNegative() || left.isZero() ? null : left;
  }

  /** 1 s after the first attempt over the free ones, 2 s after the next, ... at most 5 minutes. */
  static Duration penalty(int over) {
    if (over >= 9) {
      return MAX_WAIT;
    }
    Duration wait = Duration.ofSeconds(1L << over);
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }
}
