package io.otos.core.device;

/** Where a device is in its life. */
public enum DeviceStatus {
  /**
   * Known, not provisioned: on an allowlist, or reset or unblocked by an admin. It may provision.
   */
  REGISTERED,
  /**
   * Provisioned: it received a voucher. Whether it may provision again is its template's
   * repeat-auth policy.
   */
  ACTIVE,
  /** Blocked by an admin: it may not provision, and holds no active voucher. */
  BLOCKED
}
