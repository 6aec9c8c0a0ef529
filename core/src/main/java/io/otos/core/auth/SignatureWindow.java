package io.otos.core.auth;

import io.otos.core.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How far a signed request's timestamp may be from the server's clock ({@code
 * otos.signature.window.seconds}, default 300): a captured request can be replayed only within it,
 * and its nonce is remembered that long.
 */
@ApplicationScoped
public class SignatureWindow {

  /** Nonces are kept this much longer than the window, for nodes whose clocks differ a little. */
  static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

  private final Duration window;
  private final Clock clock;

  @Inject
  public SignatureWindow(
      @ConfigProperty(name = "otos.signature.window.seconds", defaultValue = "300") long seconds) {
    this(Duration.ofSeconds(seconds), Clock.systemUTC());
  }

  SignatureWindow(Duration window, Clock clock) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalStateException("OTOS_SIGNATURE_WINDOW_SECONDS must be at least 1");
    }
    this.window = window;
    this.clock = clock;
  }

  /** Needed by CDI for the client proxy. */
  protected SignatureWindow() {
    this.window = null;
    this.clock = null;
  }

  /**
   * Until when the nonce of a request made at {@code timestamp} must be kept: as long as the
   * request could be replayed, on any node.
   *
   * @throws DomainException {@code TIMESTAMP_OUT_OF_WINDOW} when it is too far from now
   */
  Instant admit(long timestamp) {
    Instant now = clock.instant();
    Instant sent = Instant.ofEpochMilli(timestamp);
    if (Duration.between(sent, now).abs().compareTo(window) > 0) {
      throw new DomainException(
          DomainException.Kind.UNAUTHENTICATED,
          "TIMESTAMP_OUT_OF_WINDOW",
          "timestamp is more than "
              + window.toSeconds()
              + " s away from the server's time, which is "
              + now.toEpochMilli()
              + " (Unix ms); check the device's clock");
    }
    return sent.plus(window).plus(CLOCK_MARGIN);
  }
}
