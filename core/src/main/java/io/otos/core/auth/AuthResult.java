package io.otos.core.auth;

import io.otos.core.voucher.IssuedVoucher;
import java.util.UUID;

/** A successful authentication: the device's id and its fresh voucher. */
public record AuthResult(UUID deviceId, IssuedVoucher voucher) {}
