package io.otos.core.device;

import io.otos.core.shared.Text;
import java.util.Optional;
import java.util.UUID;

/**
 * Which devices an admin is looking for: all of them, or those of one template, one product, one
 * status, and/or whose number starts with a given prefix.
 */
public record DeviceFilter(
    Optional<UUID> templateId,
    Optional<String> numberPrefix,
    Optional<UUID> productId,
    Optional<DeviceStatus> status) {

  public DeviceFilter {
    numberPrefix.ifPresent(p -> Text.require(p, "device_number", DeviceNumber.MAX_LENGTH));
  }

  public DeviceFilter(Optional<UUID> templateId, Optional<String> numberPrefix) {
    this(templateId, numberPrefix, Optional.empty(), Optional.empty());
  }
}
