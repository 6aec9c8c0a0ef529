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
    THROTTLED,
    UNAVAILABLE
  }

  private final Kind kind;
  private final String code;
  private final String auditReason;

  public DomainException(Kind kind, String code, String message) {
    this(kind, code, message, code);
  }

  /**
   * A refusal whose reason in the audit trail says more than the client may learn: a disabled
   * template answers like a wrong secret, but the audit says which it was.
   */
  public DomainException(Kind kind, String code, String message, String auditReason) {
    super(message, null, false, false);
    this.kind = Objects.requireNonNull(kind);
    this.code = Objects.requireNonNull(code);
    this.auditReason = Objects.requireNonNull(auditReason);
  }

  /**
   * The reason the audit trail records; the {@link #code()} unless the client must not learn it.
   */
  public String auditReason() {
    return auditReason;
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
