package io.otos.console.base;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Times as the console shows them: UTC, to the second, the same for every viewer. */
public final class Times {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Times() {}

  public static String format(OffsetDateTime time) {
    return time == null ? "" : FORMAT.format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }

  public static String format(Optional<OffsetDateTime> time) {
    return time.map(Times::format).orElse("");
  }

  /** A date-time picked in the console, read as UTC. */
  public static Optional<OffsetDateTime> utc(LocalDateTime picked) {
    return Optional.ofNullable(picked).map(t -> t.atOffset(ZoneOffset.UTC));
  }
}
