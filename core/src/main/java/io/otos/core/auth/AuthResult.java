package io.otos.core.auth;

import io.otos.core.voucher.IssuedVoucher;
import java.util.UUID;

/**
 * A successful authentication: the device's id, its fresh voucher, and whether this was its first
 * provisioning.
 */
public record AuthResult(UUID deviceId, IssuedVoucher voucher, boolean firstProvisioning) {}
