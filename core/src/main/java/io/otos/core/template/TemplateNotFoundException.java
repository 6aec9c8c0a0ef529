package io.otos.core.template;

import io.otos.core.shared.DomainException;

/** No template has the id that was asked for. */
public class TemplateNotFoundException extends DomainException {

  public TemplateNotFoundException() {
    super(Kind.NOT_FOUND, "TEMPLATE_NOT_FOUND", "No device template has this id");
  }
}
