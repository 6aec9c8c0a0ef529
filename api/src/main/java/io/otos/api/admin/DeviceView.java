package io.otos.api.admin;

import io.otos.core.device.Device;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A device as the management API shows it. */
public record DeviceView(
    UUID id,
    String deviceNumber,
    String name,
    UUID templateId,
    UUID productId,
    UUID parentDeviceId,
    String subDeviceAddr,
    String status,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime lastAuthAt) {

  static DeviceView of(Device device) {
    return new DeviceView(
        device.id(),
        device.number().value(),
        device.name().orElse(null),
        device.templateId(),
        device.productId().orElse(null),
        device.parentDeviceId().orElse(null),
        device.subDeviceAddr().orElse(null),
        device.status().name(),
        device.createdAt(),
        device.updatedAt(),
        device.lastAuthAt().orElse(null));
  }
}
