package io.otos.core.template;

/** What happens when a device that is already provisioned authenticates again. */
public enum ReauthPolicy {
  /**
   * Same device, fresh voucher; the previous voucher is revoked. Recovers factory-reset devices.
   */
  REISSUE,
  /** Refused until an admin resets the device: each provisioning is a deliberate act. */
  REJECT
}
