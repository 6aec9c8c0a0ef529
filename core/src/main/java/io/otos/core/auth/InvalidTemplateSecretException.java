package io.otos.core.auth;

import io.otos.core.shared.DomainException;

/**
 * The template secret or signature does not let a device in: it matches no template, or a disabled
 * one, or the secret before a rotation whose grace period is over, or the template refuses
 * plaintext requests. All answer alike, so that a client cannot tell them apart; the audit trail
 * records which it was.
 */
public class InvalidTemplateSecretException extends DomainException {

  public static final String UNKNOWN = "TEMPLATE_SECRET_INVALID";
  public static final String DISABLED = "TEMPLATE_DISABLED";
  public static final String EXPIRED = "TEMPLATE_SECRET_EXPIRED";
  public static final String PLAINTEXT_NOT_ALLOWED = "PLAINTEXT_NOT_ALLOWED";
  public static final String TEMPLATE_UNKNOWN = "TEMPLATE_UNKNOWN";
  public static final String SIGNATURE_INVALID = "SIGNATURE_INVALID";

  InvalidTemplateSecretException(String auditReason) {
    super(
        Kind.UNAUTHENTICATED,
        UNKNOWN,
        "the template secret or signature is not valid",
        auditReason);
  }
}
