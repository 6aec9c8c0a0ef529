package io.otos.core.secret;

import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Cryptographically strong randomness without a shared lock: one DRBG generator per thread, of
 * 256-bit strength, reseeded from the system's entropy every {@value #USES_PER_SEED} uses. The
 * JDK's shared generator (behind {@link UUID#randomUUID()} and {@code new SecureRandom()}) makes
 * every request thread queue on one lock under load.
 */
public final class Randomness {

  static final int USES_PER_SEED = 4096;

  private static final ThreadLocal<Seeded> GENERATOR = ThreadLocal.withInitial(Seeded::new);

  private Randomness() {}

  /** This thread's generator, reseeded when it has served long enough. */
  public static SecureRandom generator() {
    return GENERATOR.get().next();
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

  /** A thread's generator and how often it has served since its last seed. */
  private static final class Seeded {

    private final SecureRandom random = newGenerator();
    private int uses;

    SecureRandom next() {
      if (++uses >= USES_PER_SEED) {
        random.reseed();
        uses = 0;
      }
      return random;
    }

    private static SecureRandom newGenerator() {
      try {
        return SecureRandom.getInstance(
            "DRBG", DrbgParameters.instantiation(256, DrbgParameters.Capability.RESEED_ONLY, null));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("No 256-bit DRBG available", e);
      }
    }
  }
}
