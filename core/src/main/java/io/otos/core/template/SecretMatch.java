package io.otos.core.template;

import java.time.OffsetDateTime;

/** A template found by a secret, and which of its secrets it was. */
public record SecretMatch(DeviceTemplate template, SecretUsed used) {

  /**
   * Whether the secret may still be used at {@code now}: the current one always, the previous one
   * until its deadline.
   */
  public boolean validAt(OffsetDateTime now) {
    return used == SecretUsed.CURRENT || template.previousSecretValidAt(now);
  }
}
