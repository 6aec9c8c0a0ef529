package io.otos.console.base;

import java.util.Optional;
import java.util.UUID;

/** Ids as they appear in console routes and links. */
public final class Ids {

  private Ids() {}

  /** The id in {@code text}, or empty when it is not one. */
  public static Optional<UUID> parse(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
