package io.otos.api.admin;

import io.otos.core.audit.AuthAttempt;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An auth attempt of the audit trail as the management API shows it. */
public record AuthAttemptView(
    UUID id,
    OffsetDateTime occurredAt,
    String sourceAddress,
    String deviceNumber,
    UUID templateId,
    UUID deviceId,
    String outcome,
    String reason,
    String detail,
    String secretUsed,
    String credential) {

  static AuthAttemptView of(AuthAttempt attempt) {
    return new AuthAttemptView(
        attempt.id(),
        attempt.occurredAt(),
        attempt.sourceAddress().orElse(null),
        attempt.deviceNumber().orElse(null),
        attempt.templateId().orElse(null),
        attempt.deviceId().orElse(null),
        attempt.outcome().name(),
        attempt.reason(),
        attempt.detail().orElse(null),
        attempt.secretUsed().orElse(null),
        attempt.credential().orElse(null));
  }
}
