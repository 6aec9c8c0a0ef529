package io.otos.core.device;

import io.otos.core.shared.Text;

/**
 * A device's unique number: its MAC, IMEI, chip id or serial. Globally unique across all templates;
 * at most {@value #MAX_LENGTH} characters, no control characters.
 */
public record DeviceNumber(String value) {

  public static final int MAX_LENGTH = 255;

  public DeviceNumber {
    Text.require(value, "device_number", MAX_LENGTH);
  }

  /** The number of a parent device, checked and named as the field that carries it. */
  public static DeviceNumber ofParent(String value) {
    Text.require(value, "parent_device_number", MAX_LENGTH);
    return new DeviceNumber(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
