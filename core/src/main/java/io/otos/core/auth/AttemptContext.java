package io.otos.core.auth;

import java.util.UUID;

/** What an attempt has learned so far, so that a failure can be audited with it. */
public final class AttemptContext {

  private UUID templateId;
  private UUID deviceId;

  public void template(UUID id) {
    this.templateId = id;
  }

  public void device(UUID id) {
    this.deviceId = id;
  }

  public UUID templateId() {
    return templateId;
  }

  public UUID deviceId() {
    return deviceId;
  }
}
