package io.otos.api.admin;

import io.otos.core.voucher.Voucher;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A voucher as the management API shows it: never its password. */
public record VoucherView(
    UUID id,
    UUID deviceId,
    UUID username,
    boolean active,
    OffsetDateTime issuedAt,
    OffsetDateTime revokedAt,
    String revocationReason) {

  static VoucherView of(Voucher voucher) {
    return new VoucherView(
        voucher.id(),
        voucher.deviceId(),
        voucher.username(),
        voucher.isActive(),
        voucher.issuedAt(),
        voucher.revokedAt().orElse(null),
        voucher.revocationReason().map(Enum::name).orElse(null));
  }
}
