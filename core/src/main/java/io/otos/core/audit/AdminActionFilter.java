package io.otos.core.audit;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Which admin actions an auditor is looking for: by who did them, template and a time range ({@code
 * from} inclusive, {@code to} exclusive); an empty field does not filter.
 */
public record AdminActionFilter(
    Optional<String> actor,
    Optional<UUID> templateId,
    Optional<OffsetDateTime> from,
    Optional<OffsetDateTime> to) {

  public static final AdminActionFilter ALL =
      new AdminActionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
