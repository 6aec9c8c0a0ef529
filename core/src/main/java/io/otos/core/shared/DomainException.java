package io.otos.core.shared;

import java.util.Objects;

/**
 * A request the domain refuses, with a stable machine code and a message meant for the person who
 * sent it.
 *
 * <p>Messages never carry a secret, a password or a value the client sent: they say which field is
 * wrong and why. The {@link Kind} tells the outer layers how to answer, without core knowing about
 * HTTP.
 */
public class DomainException extends RuntimeException {

  /** What kind of refusal this is. */
  public enum Kind {
    INVALID,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    UNAVAILABLE
  }

  private final Kind kind;
  private final String code;

  public DomainException(Kind kind, String code, String message) {
    super(message, null, false, false);
    this.kind = Objects.requireNonNull(kind);
    this.code = Objects.requireNonNull(code);
  }

  public Kind kind() {
    return kind;
  }

  /**
   * A stable, upper-case code that clients can switch on, such as {@code DEVICE_NUMBER_INVALID}.
   */
  public String code() {
    return code;
  }

  public static DomainException invalid(String code, String message) {
    return new DomainException(Kind.INVALID, code, message);
  }
}
