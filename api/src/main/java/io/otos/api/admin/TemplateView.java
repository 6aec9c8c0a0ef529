package io.otos.api.admin;

import io.otos.core.template.DeviceTemplate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A device template and its policies as the management API shows them. Never its secret. */
public record TemplateView(
    UUID id,
    String name,
    boolean enabled,
    String registrationMode,
    Integer maxDevices,
    String reauthPolicy,
    boolean plaintextAllowed,
    OffsetDateTime previousSecretExpiresAt,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  static TemplateView of(DeviceTemplate template) {
    return new TemplateView(
        template.id(),
        template.name(),
        template.isEnabled(),
        template.registrationMode().name(),
        template.maxDevices().isPresent() ? template.maxDevices().getAsInt() : null,
        template.reauthPolicy().name(),
        template.plaintextAllowed(),
        template.previousSecretExpiresAt().orElse(null),
        template.createdAt(),
        template.updatedAt());
  }
}
