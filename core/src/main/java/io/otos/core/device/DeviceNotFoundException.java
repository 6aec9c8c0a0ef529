package io.otos.core.device;

import io.otos.core.shared.DomainException;

/** No device has the id that was asked for. */
public class DeviceNotFoundException extends DomainException {

  public DeviceNotFoundException() {
    super(Kind.NOT_FOUND, "DEVICE_NOT_FOUND", "No device has this id");
  }
}
