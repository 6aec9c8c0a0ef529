package io.otos.core.auth;

import java.util.List;

/** A device auth was refused by a failure limit: one of {@link #LIMITS}. */
public record AuthThrottled(String limit) {

  static final String SOURCE = "source";
  static final String DEVICE_NUMBER = "device_number";
  static final String TEMPLATE = "template";

  /** Every limit a device auth can be refused by. */
  public static final List<String> LIMITS = List.of(SOURCE, DEVICE_NUMBER, TEMPLATE);
}
