package io.otos.core.secret;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Cryptographically strong randomness without a shared lock: one DRBG generator per thread. The
 * JDK's shared generator (behind {@link UUID#randomUUID()} and {@code new SecureRandom()}) makes
 * every request thread queue on one lock under load.
 */
public final class Randomness {

  private static final ThreadLocal<SecureRandom> GENERATOR =
      ThreadLocal.withInitial(Randomness::newGenerator);

  private Randomness() {}

  public static SecureRandom generator() {
    return GENERATOR.get();
  }

  /**
   * A random (version 4) UUID, as {@link UUID#randomUUID()} makes, from this thread's generator.
   */
  public static UUID uuid() {
    byte[] bytes = new byte[16];
    generator().nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (bytes[i] & 0xff);
      low = (low << 8) | (bytes[i + 8] & 0xff);
    }
    return new UUID(high, low);
  }

  private static SecureRandom newGenerator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
