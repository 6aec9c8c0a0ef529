package io.otos.core.auth;

import io.otos.core.device.DeviceNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;

/**
 * Limits on failed device auths, per source address, per device number and per template. Only
 * failures count: a fleet behind one address that authenticates correctly is never slowed down.
 * Once a key has used up its failures, every request with that key is refused with {@link
 * TooManyFailuresException} before any hashing or database work, until its bucket refills.
 *
 * <p>Each node keeps its own counts, in memory: with N nodes behind a balancer a key may fail up to
 * N times as often. Defaults and reasons are in docs/security.md; a limit of 0 failures switches it
 * off.
 */
@ApplicationScoped
public class FailureLimits {

  static final long MAX_KEYS = 100_000;
  private static final Logger LOG = Logger.getLogger(FailureLimits.class.getName());

  private final KeyedLimit source;
  private final KeyedLimit deviceNumber;
  private final KeyedLimit template;
  private final Event<AuthThrottled> throttled;

  @Inject
  public FailureLimits(Config config, Event<AuthThrottled> throttled) {
    this(
        limit(config, AuthThrottled.SOURCE, 30, 60),
        limit(config, AuthThrottled.DEVICE_NUMBER, 10, 60),
        limit(config, AuthThrottled.TEMPLATE, 1000, 60),
        throttled);
    LOG.info(() -> "Limits on failed device auths: " + String.join(", ", describe()));
  }

  FailureLimits(
      KeyedLimit source,
      KeyedLimit deviceNumber,
      KeyedLimit template,
      Event<AuthThrottled> throttled) {
    this.source = source;
    this.deviceNumber = deviceNumber;
    this.template = template;
    this.throttled = throttled;
  }

  /** Needed by CDI for the client proxy. */
  protected FailureLimits() {
    this(null, null, null, null);
  }

  /**
   * Refuses a request whose address or device number has failed too often.
   *
   * @throws TooManyFailuresException then
   */
  public void admit(String sourceAddress, String number) {
    refuseIfOver(source, sourceAddress);
    refuseIfOver(deviceNumber, numberKey(number));
  }

  /**
   * Refuses a request for a template that has failed too often.
   *
   * @throws TooManyFailuresException then
   */
  public void admitTemplate(UUID templateId) {
    refuseIfOver(template, templateId == null ? null : templateId.toString());
  }

  /** Counts a failed device auth against each of its keys that is known. */
  public void failed(String sourceAddress, String number, UUID templateId) {
    source.failed(sourceAddress);
    deviceNumber.failed(numberKey(number));
    template.failed(templateId == null ? null : templateId.toString());
  }

  /** The limits in force, for the start-up log: {@code source 30/60s, ...}. */
  List<String> describe() {
    return Stream.of(source, deviceNumber, template)
        .map(l -> l.name() + (l.enabled() ? " " + l.describe() : " off"))
        .toList();
  }

  /**
   * A number too long to be valid is not remembered (its request fails validation anyway): keys
   * stay short, so that the remembered keys cost bounded memory.
   */
  private static String numberKey(String number) {
    return number == null || number.length() > DeviceNumber.MAX_LENGTH ? null : number;
  }

  private void refuseIfOver(KeyedLimit limit, String key) {
    limit
        .wait(key)
        .ifPresent(
            wait -> {
              throttled.fire(new AuthThrottled(limit.name()));
              throw new TooManyFailuresException(wait);
            });
  }

  private static KeyedLimit limit(
      Config config, String name, int defaultFailures, int defaultSeconds) {
    String prefix = "otos.limit." + name.replace('_', '-');
    int failures =
        config.getOptionalValue(prefix + ".failures", Integer.class).orElse(defaultFailures);
    int seconds =
        config.getOptionalValue(prefix + ".seconds", Integer.class).orElse(defaultSeconds);
    if (failures < 0 || seconds < 1) {
      throw new IllegalStateException(
          prefix + ".failures must be 0 or more and " + prefix + ".seconds 1 or more");
    }
    return new KeyedLimit(name, failures, Duration.ofSeconds(seconds), MAX_KEYS);
  }
}
