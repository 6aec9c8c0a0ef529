package io.otos.core.auth;

import io.otos.core.shared.DomainException;

/** The template secret matches no template. The message does not say more, on purpose. */
public class InvalidTemplateSecretException extends DomainException {

  public InvalidTemplateSecretException() {
    super(Kind.UNAUTHENTICATED, "TEMPLATE_SECRET_INVALID", "template_secret is not valid");
  }
}
