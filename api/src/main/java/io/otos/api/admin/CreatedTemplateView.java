package io.otos.api.admin;

import io.otos.core.template.NewTemplate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A template with a secret just made (created, or rotated): the template's fields and, this once,
 * the secret.
 */
public record CreatedTemplateView(
    UUID id,
    String name,
    String templateSecret,
    boolean enabled,
    String registrationMode,
    Integer maxDevices,
    String reauthPolicy,
    boolean plaintextAllowed,
    OffsetDateTime previousSecretExpiresAt,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  static CreatedTemplateView of(NewTemplate created) {
    TemplateView t = TemplateView.of(created.template());
    return new CreatedTemplateView(
        t.id(),
        t.name(),
        created.secret().reveal(),
        t.enabled(),
        t.registrationMode(),
        t.maxDevices(),
        t.reauthPolicy(),
        t.plaintextAllowed(),
        t.previousSecretExpiresAt(),
        t.createdAt(),
        t.updatedAt());
  }

  @Override
  public String toString() {
    return "CreatedTemplateView[id=" + id + ", templateSecret=hidden]";
  }
}
