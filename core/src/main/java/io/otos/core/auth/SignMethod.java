package io.otos.core.auth;

import io.otos.core.secret.DeviceKeys;
import io.otos.core.secret.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** How a signed request's signature is made from the template secret. */
public enum SignMethod {
  /** {@code HMAC-SHA256(key = template secret, canonical)}. */
  HMAC_SHA256("hmac-sha256") {
    @Override
    byte[] sign(String templateSecret, String deviceNumber, String canonical) {
      return Hmac.sha256(templateSecret.getBytes(StandardCharsets.UTF_8), canonical);
    }
  },
  /**
   * {@code HMAC-SHA256(key = the device's derived key, canonical)}: the device never held the
   * secret.
   */
  HMAC_SHA256_DEVICE("hmac-sha256-device") {
    @Override
    byte[] sign(String templateSecret, String deviceNumber, String canonical) {
      return Hmac.sha256(DeviceKeys.derive(templateSecret, deviceNumber), canonical);
    }
  };

  private final String wireName;

  SignMethod(String wireName) {
    this.wireName = wireName;
  }

  /** The signature a device holding {@code templateSecret} (or its derived key) sends. */
  abstract byte[] sign(String templateSecret, String deviceNumber, String canonical);

  /** The name a request gives, such as {@code hmac-sha256}. */
  public String wireName() {
    return wireName;
  }

  static Optional<SignMethod> ofWireName(String name) {
    return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
  }

  static String wireNames() {
    return String.join(" or ", Arrays.stream(values()).map(SignMethod::wireName).toList());
  }
}
