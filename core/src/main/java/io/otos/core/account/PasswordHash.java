package io.otos.core.account;

import io.otos.core.secret.Randomness;
import io.otos.core.shared.DomainException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Console passwords, stored as salted PBKDF2-HMAC-SHA256 ({@value #ITERATIONS} iterations, the
 * OWASP recommendation) in the form {@code pbkdf2-sha256$iterations$salt$hash}. The iteration count
 * travels with each hash, so raising it later leaves existing passwords readable.
 */
public final class PasswordHash {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;
  static final int ITERATIONS = 600_000;
  private static final String SCHEME = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private final int iterations;

  public PasswordHash() {
    this(ITERATIONS);
  }

  /** With fewer iterations, for tests only. */
  PasswordHash(int iterations) {
    this.iterations = iterations;
  }

  /** Refuses a password too short or too long to hash, without saying what it was. */
  public static void requireAcceptable(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw DomainException.invalid(
          "PASSWORD_TOO_SHORT", "the password must be at least " + MIN_LENGTH + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      throw DomainException.invalid(
          "PASSWORD_TOO_LONG", "the password must be at most " + MAX_LENGTH + " characters");
    }
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    Randomness.generator().nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return String.join(
        "$",
        SCHEME,
        Integer.toString(iterations),
        base64.encodeToString(salt),
        base64.encodeToString(derive(password, salt, iterations)));
  }

  /**
   * Whether {@code password} is the one {@code stored} was made from; compared in constant time.
   */
  public boolean matches(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME) || password == null) {
      return false;
    }
    Base64.Decoder base64 = Base64.getDecoder();
    byte[] expected = base64.decode(parts[3]);
    byte[] actual = derive(password, base64.decode(parts[2]), Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }
}
