package io.otos.core.device;

import io.otos.core.shared.Text;
import java.util.Optional;
import java.util.UUID;

/**
 * Which devices an admin is looking for: all of them, those of one template, and/or those whose
 * number starts with a given prefix.
 */
public record DeviceFilter(Optional<UUID> templateId, Optional<String> numberPrefix) {

  public DeviceFilter {
    numberPrefix.ifPresent(p -> Text.require(p, "device_number", DeviceNumber.MAX_LENGTH));
  }
}
