package io.otos.core.device;

/** Where a device is in its life. */
public enum DeviceStatus {
  /** Provisioned: the device holds an active voucher. */
  ACTIVE
}
