package io.otos.core.audit;

import java.util.Optional;

/** Which attempts an auditor is looking for: by exact device number and/or outcome. */
public record AuthAttemptFilter(Optional<String> deviceNumber, Optional<AuthOutcome> outcome) {

  public static AuthAttemptFilter all() {
    return new AuthAttemptFilter(Optional.empty(), Optional.empty());
  }
}
