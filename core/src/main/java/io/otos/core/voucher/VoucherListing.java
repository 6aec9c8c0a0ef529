package io.otos.core.voucher;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * One issued voucher as auditors list them: which device of which template it was for, when it was
 * issued and whether, when and why it was revoked. Its username is the MQTT user name, not a
 * secret; the password is never kept in a form that could be listed.
 */
public record VoucherListing(
    UUID id,
    UUID username,
    UUID deviceId,
    String deviceNumber,
    UUID templateId,
    OffsetDateTime issuedAt,
    Optional<OffsetDateTime> revokedAt,
    Optional<RevocationReason> revocationReason) {}
