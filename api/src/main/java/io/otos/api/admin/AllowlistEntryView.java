package io.otos.api.admin;

import io.otos.core.device.Device;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A number on an allowlist, with the device it is and where that device is in its life. */
public record AllowlistEntryView(
    String deviceNumber, UUID deviceId, String name, String status, OffsetDateTime createdAt) {

  static AllowlistEntryView of(Device device) {
    return new AllowlistEntryView(
        device.number().value(),
        device.id(),
        device.name().orElse(null),
        device.status().name(),
        device.createdAt());
  }
}
