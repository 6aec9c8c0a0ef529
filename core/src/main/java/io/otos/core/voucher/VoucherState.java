package io.otos.core.voucher;

/** Whether a voucher still lets its device connect. */
public enum VoucherState {
  ACTIVE,
  REVOKED
}
