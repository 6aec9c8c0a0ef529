package io.otos.core.auth;

import io.otos.core.template.SecretUsed;
import java.util.UUID;

/** What an attempt has learned so far, so that a failure can be audited with it. */
public final class AttemptContext {

  private UUID templateId;
  private UUID deviceId;
  private SecretUsed secretUsed;

  public void template(UUID id) {
    this.templateId = id;
  }

  public void device(UUID id) {
    this.deviceId = id;
  }

  public void secret(SecretUsed used) {
    this.secretUsed = used;
  }

  public SecretUsed secretUsed() {
    return secretUsed;
  }

  public UUID templateId() {
    return templateId;
  }

  public UUID deviceId() {
    return deviceId;
  }
}
