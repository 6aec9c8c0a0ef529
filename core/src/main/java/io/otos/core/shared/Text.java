package io.otos.core.shared;

/** Checks shared by the value objects that hold text sent by devices and admins. */
public final class Text {

  private Text() {}

  /**
   * Returns {@code value} when it is non-blank, at most {@code maxLength} characters long and free
   * of control characters; otherwise throws an {@link DomainException.Kind#INVALID} exception that
   * names {@code field}.
   */
  public static String require(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(
          code(field, "MISSING"), field + " is required and must not be blank");
    }
    if (value.length() > maxLength) {
      throw DomainException.invalid(
          code(field, "TOO_LONG"), field + " must be at most " + maxLength + " characters long");
    }
    if (hasControlCharacter(value)) {
      throw DomainException.invalid(
          code(field, "INVALID"), field + " must not contain control characters");
    }
    return value;
  }

  public static boolean hasControlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)
          || Character.getType(c) == Character.FORMAT
          || Character.isSurrogate(c) && !validSurrogateAt(value, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean validSurrogateAt(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
  }

  private static String code(String field, String problem) {
    return field.toUpperCase(java.util.Locale.ROOT) + "_" + problem;
  }

  /** {@code value} with the LIKE wildcards escaped by a backslash, for {@code ESCAPE '\\'}. */
  public static String likeEscaped(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
