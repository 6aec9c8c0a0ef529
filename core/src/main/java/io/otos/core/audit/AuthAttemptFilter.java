package io.otos.core.audit;

import io.otos.core.shared.Text;
import java.util.Optional;

/** Which attempts an auditor is looking for: by exact device number and/or outcome. */
public record AuthAttemptFilter(Optional<String> deviceNumber, Optional<AuthOutcome> outcome) {

  public AuthAttemptFilter {
    deviceNumber.ifPresent(n -> Text.require(n, "device_number", AuthAttempt.MAX_DEVICE_NUMBER));
  }
}
