package io.otos.core.voucher;

/** Why a voucher stopped working. */
public enum RevocationReason {
  /** The device authenticated again and received a fresh voucher. */
  REISSUED,
  /** An admin revoked this voucher. */
  REVOKED_BY_ADMIN,
  /** An admin blocked the device. */
  DEVICE_BLOCKED,
  /** An admin reset the device so that it provisions again. */
  DEVICE_RESET
}
