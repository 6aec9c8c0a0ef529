package io.otos.core.auth;

import io.otos.core.device.DeviceNumber;
import io.otos.core.device.SubDeviceLink;
import io.otos.core.product.ProductKey;
import io.otos.core.shared.DomainException;
import io.otos.core.shared.Text;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** An {@link AuthRequest} whose every field has been checked and turned into a domain value. */
public record ValidAuthRequest(
    Credential credential,
    DeviceNumber deviceNumber,
    Optional<String> deviceName,
    Optional<ProductKey> productKey,
    Optional<SubDeviceLink> subDevice) {

  static final int MAX_NAME_LENGTH = 255;
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

  /**
   * Checks the request in the order a firmware developer fixes it: required fields first, then each
   * optional one.
   *
   * @throws DomainException naming the first field that is wrong
   */
  public static ValidAuthRequest of(AuthRequest request) {
    DeviceNumber number = new DeviceNumber(request.deviceNumber());
    Optional<ProductKey> productKey =
        Optional.ofNullable(request.productKey()).map(ProductKey::new);
    Credential credential = credential(request, productKey);
    Optional<String> name =
        Optional.ofNullable(request.deviceName())
            .map(n -> Text.require(n, "device_name", MAX_NAME_LENGTH));
    return new ValidAuthRequest(credential, number, name, productKey, subDevice(request, number));
  }

  private static Credential credential(AuthRequest request, Optional<ProductKey> productKey) {
    AuthRequest.Signing signing = request.signing();
    boolean plain = request.templateSecret() != null && !request.templateSecret().isEmpty();
    if (plain && signing.attempted()) {
      throw DomainException.invalid(
          "CREDENTIALS_AMBIGUOUS",
          "send template_secret or a signature (sign_method, signature), not both");
    }
    if (plain) {
      return new Credential.Plain(request.templateSecret());
    }
    if (!signing.attempted()) {
      throw DomainException.invalid(
          "TEMPLATE_SECRET_MISSING",
          "template_secret is required, unless the request is signed (sign_method, signature)");
    }
    return signed(request.deviceNumber(), signing, productKey);
  }

  private static SignedRequest signed(
      String deviceNumber, AuthRequest.Signing signing, Optional<ProductKey> productKey) {
    SignMethod method =
        SignMethod.ofWireName(required(signing.signMethod(), "sign_method"))
            .orElseThrow(
                () ->
                    DomainException.invalid(
                        "SIGN_METHOD_INVALID", "sign_method must be " + SignMethod.wireNames()));
    String signature = required(signing.signature(), "signature");
    if (!SIGNATURE.matcher(signature).matches()) {
      throw DomainException.invalid(
          "SIGNATURE_MALFORMED", "signature must be 64 lowercase hexadecimal digits");
    }
    if (signing.timestamp() == null) {
      throw DomainException.invalid(
          "TIMESTAMP_MISSING", "timestamp (Unix time in milliseconds) is required");
    }
    if (signing.timestamp() < 0) {
      throw DomainException.invalid(
          "TIMESTAMP_INVALID", "timestamp must be Unix time in milliseconds");
    }
    String nonce = required(signing.nonce(), "nonce");
    if (!NONCE.matcher(nonce).matches()) {
      throw DomainException.invalid(
          "NONCE_INVALID", "nonce must be 16 to 64 characters of A-Z, a-z, 0-9, _ and -");
    }
    Optional<UUID> templateId = Optional.ofNullable(signing.templateId()).map(ValidAuthRequest::id);
    if (templateId.isEmpty() && productKey.isEmpty()) {
      throw DomainException.invalid(
          "TEMPLATE_IDENTIFIER_MISSING",
          "a signed request names its template: template_id or product_key is required");
    }
    return new SignedRequest(
        templateId.isPresent() ? signing.templateId() : productKey.orElseThrow().value(),
        templateId,
        templateId.isPresent() ? Optional.empty() : productKey,
        deviceNumber,
        signing.timestamp(),
        nonce,
        method,
        HexFormat.of().parseHex(signature));
  }

  private static String required(String value, String field) {
    if (value == null || value.isEmpty()) {
      throw DomainException.invalid(
          "SIGNATURE_INCOMPLETE",
          field + " is required in a signed request (sign_method, signature, timestamp, nonce)");
    }
    return value;
  }

  private static UUID id(String value) {
    try {
      UUID id = UUID.fromString(value);
      if (id.toString().equalsIgnoreCase(value)) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw DomainException.invalid("TEMPLATE_ID_INVALID", "template_id must be a UUID");
  }

  private static Optional<SubDeviceLink> subDevice(AuthRequest request, DeviceNumber number) {
    String parent = request.parentDeviceNumber();
    String address = request.subDeviceAddr();
    if (parent == null && address == null) {
      return Optional.empty();
    }
    if (parent == null || address == null) {
      throw DomainException.invalid(
          "SUB_DEVICE_INCOMPLETE",
          "parent_device_number and sub_device_addr go together: send both or neither");
    }
    DeviceNumber parentNumber = DeviceNumber.ofParent(parent);
    if (parentNumber.equals(number)) {
      throw DomainException.invalid(
          "PARENT_DEVICE_INVALID", "parent_device_number must not be the device's own number");
    }
    return Optional.of(new SubDeviceLink(parentNumber, address));
  }

  @Override
  public String toString() {
    return "ValidAuthRequest[deviceNumber=" + deviceNumber + ", credential=" + credential + "]";
  }
}
