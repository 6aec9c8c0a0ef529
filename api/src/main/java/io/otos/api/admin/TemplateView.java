package io.otos.api.admin;

import io.otos.core.template.DeviceTemplate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A device template as the management API shows it. Never its secret. */
public record TemplateView(
    UUID id, String name, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  static TemplateView of(DeviceTemplate template) {
    return new TemplateView(
        template.id(), template.name(), template.createdAt(), template.updatedAt());
  }
}
