package io.otos.core.auth;

import io.otos.core.product.ProductKey;
import java.util.Optional;
import java.util.UUID;

/**
 * A request signed with the template secret (or a device key derived from it) instead of carrying
 * it. The template is named by its id or by a product key, and the signature covers {@link
 * #canonical()}.
 */
public record SignedRequest(
    String identifier,
    Optional<UUID> templateId,
    Optional<ProductKey> productKey,
    String deviceNumber,
    long timestamp,
    String nonce,
    SignMethod method,
    byte[] signature)
    implements Credential {

  /**
   * What the signature covers: {@code identifier + "\n" + device_number + "\n" + timestamp + "\n" +
   * nonce}, where the identifier is the template id as sent when the request names one, else the
   * product key.
   */
  public String canonical() {
    return identifier + "\n" + deviceNumber + "\n" + timestamp + "\n" + nonce;
  }

  /** The signature that {@code templateSecret} gives this request. */
  byte[] expectedWith(String templateSecret) {
    return method.sign(templateSecret, deviceNumber, canonical());
  }

  @Override
  public String kind() {
    return method.name();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public String toString() {
    return "SignedRequest[template="
        + templateId.map(UUID::toString).orElse("by product key")
        + ", method="
        + method.wireName()
        + "]";
  }
}
