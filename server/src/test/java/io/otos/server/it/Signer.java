package io.otos.server.it;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs device auth requests as docs/api.md tells firmware to, independently of the server's code.
 */
final class Signer {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Signer() {}

  /** A device's key: HMAC-SHA256(key = template secret, message = device number). */
  static byte[] deviceKey(String templateSecret, String deviceNumber) {
    return hmac(templateSecret.getBytes(StandardCharsets.UTF_8), deviceNumber);
  }

  /** A body signed with the template secret ({@code hmac-sha256}). */
  static JsonObjectBuilder withSecret(
      String idField,
      String identifier,
      String secret,
      String number,
      long timestamp,
      String nonce) {
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    return signed("hmac-sha256", key, idField, identifier, number, timestamp, nonce);
  }

  /** A body signed with a device key ({@code hmac-sha256-device}). */
  static JsonObjectBuilder withDeviceKey(
      String idField,
      String identifier,
      byte[] deviceKey,
      String number,
      long timestamp,
      String nonce) {
    return signed("hmac-sha256-device", deviceKey, idField, identifier, number, timestamp, nonce);
  }

  static JsonObjectBuilder withSecret(String templateId, String secret, String number) {
    return withSecret(
        "template_id", templateId, secret, number, System.currentTimeMillis(), nonce());
  }

  static String nonce() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static JsonObjectBuilder signed(
      String method,
      byte[] key,
      String idField,
      String identifier,
      String number,
      long timestamp,
      String nonce) {
    String canonical = identifier + "\n" + number + "\n" + timestamp + "\n" + nonce;
    return Json.createObjectBuilder()
        .add(idField, identifier)
        .add("device_number", number)
        .add("timestamp", timestamp)
        .add("nonce", nonce)
        .add("sign_method", method)
        .add("signature", HexFormat.of().formatHex(hmac(key, canonical)));
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
