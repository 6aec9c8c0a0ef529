package io.otos.core.audit;

import java.util.Optional;

/**
 * A call of the device auth API was recorded in the audit trail.
 *
 * @param credential how the device proved itself ({@code PLAINTEXT}, {@code HMAC_SHA256}, ...),
 *     empty when the request was refused before that was known
 */
public record AuthAttempted(AuthOutcome outcome, String reason, Optional<String> credential) {

  static AuthAttempted of(AuthAttempt attempt) {
    return new AuthAttempted(attempt.outcome(), attempt.reason(), attempt.credential());
  }
}
