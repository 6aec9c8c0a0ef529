package io.otos.core.auth;

import io.otos.core.shared.DomainException;
import java.time.Duration;

/**
 * A device auth refused before any work, because its address, its device number or its template has
 * failed too often lately. It does not say which: that would tell a prober what it hit.
 */
public class TooManyFailuresException extends DomainException {

  private final long retryAfterSeconds;

  TooManyFailuresException(Duration wait) {
    super(
        Kind.THROTTLED,
        "TOO_MANY_FAILED_ATTEMPTS",
        "too many failed attempts; try again in " + seconds(wait) + " s");
    this.retryAfterSeconds = seconds(wait);
  }

  /** Whole seconds until the client may try again; at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  private static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
