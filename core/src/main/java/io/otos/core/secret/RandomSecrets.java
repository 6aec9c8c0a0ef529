package io.otos.core.secret;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh secrets from the platform's CSPRNG, encoded so that they survive JSON, MQTT and shells. */
public final class RandomSecrets {

  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();
  private static final char[] ALPHANUMERIC =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private RandomSecrets() {}

  /** {@code bytes} random bytes, URL-safe base64 without padding. */
  public static String urlSafe(int bytes) {
    byte[] random = new byte[bytes];
    Randomness.generator().nextBytes(random);
    return URL_SAFE.encodeToString(random);
  }

  /** {@code length} random characters from an alphabet without look-alikes (no 0/O, 1/l/I). */
  public static String alphanumeric(int length) {
    SecureRandom random = Randomness.generator();
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
    }
    return new String(chars);
  }
}
