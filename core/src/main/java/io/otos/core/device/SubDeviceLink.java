package io.otos.core.device;

import io.otos.core.shared.Text;
import java.util.Objects;

/**
 * Where a sub-device hangs: under which parent device, at which address of that parent (a Modbus
 * slave id, a Zigbee short address...). A parent's addresses are unique among its sub-devices.
 */
public record SubDeviceLink(DeviceNumber parent, String address) {

  public static final int MAX_ADDRESS_LENGTH = 255;

  public SubDeviceLink {
    Objects.requireNonNull(parent);
    Text.require(address, "sub_device_addr", MAX_ADDRESS_LENGTH);
  }
}
