package io.otos.core.secret;

import java.nio.charset.StandardCharsets;

/**
 * A device's own key, derived from its template's secret: {@code HMAC-SHA256(key = template secret,
 * message = device number)}, both UTF-8. A factory flashes this key into one device instead of the
 * template secret, which then never leaves the platform.
 */
public final class DeviceKeys {

  private DeviceKeys() {}

  public static byte[] derive(String templateSecret, String deviceNumber) {
    return Hmac.sha256(templateSecret.getBytes(StandardCharsets.UTF_8), deviceNumber);
  }
}
