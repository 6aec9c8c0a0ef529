package io.otos.core.device;

import java.util.Optional;
import java.util.UUID;

/**
 * Which devices an admin is looking for: all of them, those of one template, and/or those whose
 * number starts with a given prefix.
 */
public record DeviceFilter(Optional<UUID> templateId, Optional<String> numberPrefix) {

  public static DeviceFilter all() {
    return new DeviceFilter(Optional.empty(), Optional.empty());
  }
}
