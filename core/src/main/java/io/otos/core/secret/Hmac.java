package io.otos.core.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, the one message authentication code OTOS uses. */
public final class Hmac {

  public static final int LENGTH = 32;
  private static final String ALGORITHM = "HmacSHA256";

  /**
   * One Mac per thread, initialised anew for each use: looking the algorithm up costs more than the
   * MAC of a short message, and every device request computes at least one.
   */
  private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(Hmac::newMac);

  private Hmac() {}

  public static byte[] sha256(byte[] key, byte[] message) {
    return sha256(new SecretKeySpec(key, ALGORITHM), message);
  }

  public static byte[] sha256(byte[] key, String message) {
    return sha256(key, message.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] sha256(SecretKeySpec key, byte[] message) {
    try {
      Mac mac = MACS.get();
      mac.init(key);
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static Mac newMac() {
    try {
      return Mac.getInstance(ALGORITHM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  static SecretKeySpec key(byte[] bytes) {
    return new SecretKeySpec(bytes, ALGORITHM);
  }

  /** Whether two MACs are equal, in time that does not depend on where they differ. */
  public static boolean equal(byte[] expected, byte[] actual) {
    return MessageDigest.isEqual(expected, actual);
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
