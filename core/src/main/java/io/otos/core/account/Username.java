package io.otos.core.account;

import io.otos.core.shared.DomainException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name a person signs in with: 3 to 64 characters of lower-case letters, digits and {@code .
 * _ @ -}. Upper case is folded, so {@code Alice} and {@code alice} are one account.
 */
public record Username(String value) {

  public static final int MAX_LENGTH = 64;
  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._@-]{3," + MAX_LENGTH + "}");

  public Username {
    if (value == null || !ALLOWED.matcher(value).matches()) {
      throw DomainException.invalid(
          "USERNAME_INVALID",
          "username must be 3 to 64 characters: letters, digits, '.', '_', '@' or '-'");
    }
  }

  /** The username for what a person typed: trimmed and lower-cased, then checked. */
  public static Username of(String typed) {
    return new Username(typed == null ? null : typed.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return value;
  }
}
