package io.otos.core.voucher;

import java.util.UUID;

/** A device received a new voucher. */
public record VoucherIssued(UUID deviceId) {}
