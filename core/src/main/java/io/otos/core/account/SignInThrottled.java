package io.otos.core.account;

import java.util.List;

/**
 * A console sign-in was told to wait, before its password was checked: by the failures of its
 * username or of its address, or because others were being checked at that moment ({@code
 * hashing}). Counted, not audited: writing it down is the work the wait spares.
 */
public record SignInThrottled(String limit) {

  static final String USERNAME = "username";
  static final String ADDRESS = "address";
  static final String HASHING = "hashing";

  /** Every reason a sign-in can be told to wait. */
  public static final List<String> LIMITS = List.of(USERNAME, ADDRESS, HASHING);
}
