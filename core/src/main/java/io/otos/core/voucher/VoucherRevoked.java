package io.otos.core.voucher;

import java.util.UUID;

/** A voucher stopped working, and why. */
public record VoucherRevoked(UUID deviceId, RevocationReason reason) {}
