package io.otos.core.voucher;

/** Why a voucher stopped working. */
public enum RevocationReason {
  /** The device authenticated again and received a fresh voucher. */
  REISSUED
}
