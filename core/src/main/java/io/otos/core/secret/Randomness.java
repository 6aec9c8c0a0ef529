package io.otos.core.secret;

import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Cryptographically strong randomness without a shared lock: one DRBG generator per thread, of
 * 256-bit strength, reseeded from the system's entropy every {@value #USES_PER_SEED} uses (a draw
 * of ids counts as one use). The JDK's shared generator (behind {@link UUID#randomUUID()} and
 * {@code new SecureRandom()}) makes every request thread queue on one lock under load.
 *
 * <p>Ids are cut from {@value #ID_BYTES} bytes drawn at once: each draw costs the generator a fixed
 * update on top of its output, and a provisioning makes five ids. Secrets, salts and nonces are
 * drawn from {@link #generator()} when they are needed, never kept in a buffer.
 */
public final class Randomness {

  static final int USES_PER_SEED = 4096;
  static final int ID_BYTES = 16 * 16; // sixteen ids of 16 bytes

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
    return GENERATOR.get().uuid();
  }

  /** A thread's generator and how often it has served since its last seed. */
  private static final class Seeded {

    private final SecureRandom random = newGenerator();
    private final byte[] ids = new byte[ID_BYTES];
    private int idsUsed = ID_BYTES;
    private int uses;

    SecureRandom next() {
      if (++uses >= USES_PER_SEED) {
        random.reseed();
        uses = 0;
      }
      return random;
    }

    UUID uuid() {
      if (idsUsed == ID_BYTES) {
        next().nextBytes(ids);
        idsUsed = 0;
      }
      int at = idsUsed;
      idsUsed += 16;
      ids[at + 6] = (byte) ((ids[at + 6] & 0x0f) | 0x40); // version 4
      ids[at + 8] = (byte) ((ids[at + 8] & 0x3f) | 0x80); // IETF variant
      long high = 0;
      long low = 0;
      for (int i = 0; i < 8; i++) {
        high = (high << 8) | (ids[at + i] & 0xff);
        low = (low << 8) | (ids[at + 8 + i] & 0xff);
      }
      return new UUID(high, low);
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
