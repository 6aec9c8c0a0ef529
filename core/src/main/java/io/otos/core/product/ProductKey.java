package io.otos.core.product;

import io.otos.core.secret.RandomSecrets;
import io.otos.core.shared.DomainException;
import java.util.regex.Pattern;

/**
 * The public key of a product, sent by devices to say which product of their template they are. It
 * is an identifier, not a secret.
 */
public record ProductKey(String value) {

  public static final int MAX_LENGTH = 128;
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");
  private static final int GENERATED_LENGTH = 16;

  public ProductKey {
    if (value == null || value.isEmpty()) {
      throw DomainException.invalid("PRODUCT_KEY_MISSING", "product_key must not be empty");
    }
    if (!FORMAT.matcher(value).matches()) {
      throw DomainException.invalid(
          "PRODUCT_KEY_INVALID",
          "product_key must be 1 to "
              + MAX_LENGTH
              + " characters of letters, digits, '.', '_', ':' or '-'");
    }
  }

  public static ProductKey generate() {
    return new ProductKey(RandomSecrets.alphanumeric(GENERATED_LENGTH));
  }

  @Override
  public String toString() {
    return value;
  }
}
