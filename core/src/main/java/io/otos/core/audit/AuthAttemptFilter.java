package io.otos.core.audit;

import io.otos.core.shared.Text;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Which attempts an auditor is looking for: by exact device number, outcome, template and a time
 * range ({@code from} inclusive, {@code to} exclusive); an empty field does not filter.
 */
public record AuthAttemptFilter(
    Optional<String> deviceNumber,
    Optional<AuthOutcome> outcome,
    Optional<UUID> templateId,
    Optional<OffsetDateTime> from,
    Optional<OffsetDateTime> to) {

  public AuthAttemptFilter {
    deviceNumber.ifPresent(n -> Text.require(n, "device_number", AuthAttempt.MAX_DEVICE_NUMBER));
  }

  public AuthAttemptFilter(Optional<String> deviceNumber, Optional<AuthOutcome> outcome) {
    this(deviceNumber, outcome, Optional.empty(), Optional.empty(), Optional.empty());
  }
}
