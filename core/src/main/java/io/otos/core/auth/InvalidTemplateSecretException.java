package io.otos.core.auth;

import io.otos.core.shared.DomainException;

/**
 * The template secret does not let a device in: it matches no template, or a disabled one, or the
 * secret before a rotation whose grace period is over. All answer alike, so that a client cannot
 * tell them apart; the audit trail records which it was.
 */
public class InvalidTemplateSecretException extends DomainException {

  public static final String UNKNOWN = "TEMPLATE_SECRET_INVALID";
  public static final String DISABLED = "TEMPLATE_DISABLED";
  public static final String EXPIRED = "TEMPLATE_SECRET_EXPIRED";

  InvalidTemplateSecretException(String auditReason) {
    super(Kind.UNAUTHENTICATED, UNKNOWN, "template_secret is not valid", auditReason);
  }
}
