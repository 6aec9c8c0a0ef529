package io.otos.core.template;

import io.otos.core.secret.RandomSecrets;
import io.otos.core.shared.DomainException;
import io.otos.core.shared.Text;

/**
 * The secret shared by every device of one template. It exists in plain text only on its way in
 * (from a device or an admin) and once on its way out, in the response that creates it; {@link
 * #toString()} never shows it.
 */
public final class TemplateSecret {

  public static final int MIN_LENGTH = 16;
  public static final int MAX_LENGTH = 255;
  private static final int GENERATED_BYTES = 32;

  private final String value;

  private TemplateSecret(String value) {
    this.value = value;
  }

  /** A new secret of 256 random bits. */
  public static TemplateSecret generate() {
    return new TemplateSecret(RandomSecrets.urlSafe(GENERATED_BYTES));
  }

  /**
   * A secret chosen by an admin, for adopting a fleet already manufactured with it: at least
   * {@value #MIN_LENGTH} characters, no control characters, no surrounding white space.
   */
  public static TemplateSecret chosen(String value) {
    Text.require(value, "template_secret", MAX_LENGTH);
    if (value.length() < MIN_LENGTH) {
      throw DomainException.invalid(
          "TEMPLATE_SECRET_TOO_SHORT",
          "template_secret must be at least " + MIN_LENGTH + " characters long");
    }
    if (!value.strip().equals(value)) {
      throw DomainException.invalid(
          "TEMPLATE_SECRET_INVALID", "template_secret must not start or end with white space");
    }
    return new TemplateSecret(value);
  }

  /** The plain text, to be shown once to the admin who created it. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "TemplateSecret[hidden]";
  }
}
