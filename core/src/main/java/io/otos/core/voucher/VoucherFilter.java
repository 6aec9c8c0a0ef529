package io.otos.core.voucher;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Which vouchers an auditor is looking for: by state, template, exact device number and when they
 * were issued ({@code from} inclusive, {@code to} exclusive); an empty field does not filter.
 */
public record VoucherFilter(
    Optional<VoucherState> state,
    Optional<UUID> templateId,
    Optional<String> deviceNumber,
    Optional<OffsetDateTime> from,
    Optional<OffsetDateTime> to) {}
