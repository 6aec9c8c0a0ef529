package io.otos.core.secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals template secrets with AES-256-GCM under the server's secret key, so that the server can
 * verify signed requests (which needs the secret itself) while a database dump alone reveals
 * nothing.
 *
 * <p>The key lives in configuration ({@code otos.secret.key}, environment {@code OTOS_SECRET_KEY}),
 * apart from the hash key and never in the database. A sealed secret is bound to its template:
 * moved to another template's row it no longer opens. Layout: a format byte, the 12-byte nonce,
 * then the ciphertext and its 16-byte tag.
 */
@ApplicationScoped
public class SecretBox {

  private static final byte FORMAT = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int KEY_BYTES = 32;

  private SecretKeySpec key;

  @Inject
  public SecretBox(
      @ConfigProperty(name = "otos.secret.key") Optional<String> encodedKey,
      @ConfigProperty(name = "otos.hash.key") Optional<String> hashKey) {
    byte[] bytes = ConfiguredKey.decode(encodedKey, "OTOS_SECRET_KEY");
    if (bytes.length != KEY_BYTES) {
      throw new IllegalStateException(
          "OTOS_SECRET_KEY must hold exactly "
              + KEY_BYTES
              + " bytes (an AES-256 key), it holds "
              + bytes.length);
    }
    if (hashKey.map(String::strip).filter(k -> k.equals(encodedKey.get().strip())).isPresent()) {
      throw new IllegalStateException("OTOS_SECRET_KEY must be another key than OTOS_HASH_KEY");
    }
    this.key = new SecretKeySpec(bytes, "AES");
  }

  /** Needed by CDI for the client proxy. */
  protected SecretBox() {}

  /** Creates the bean when the application starts, so that a missing key stops the deployment. */
  void checkKeyAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    UUID probe = new UUID(0, 0);
    open(seal("startup check", probe), probe);
  }

  /** {@code secret}, encrypted and authenticated for the template {@code owner}. */
  public byte[] seal(String secret, UUID owner) {
    byte[] nonce = new byte[NONCE_BYTES];
    Randomness.generator().nextBytes(nonce);
    byte[] sealed =
        crypt(Cipher.ENCRYPT_MODE, nonce, owner, secret.getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
        .put(FORMAT)
        .put(nonce)
        .put(sealed)
        .array();
  }

  /**
   * The secret sealed for {@code owner}.
   *
   * @throws IllegalStateException when it was sealed for another template or under another key, or
   *     has been altered
   */
  public String open(byte[] sealed, UUID owner) {
    if (sealed.length < 1 + NONCE_BYTES || sealed[0] != FORMAT) {
      throw new IllegalStateException("A sealed secret has an unknown format");
    }
    byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
    byte[] box = Arrays.copyOfRange(sealed, 1 + NONCE_BYTES, sealed.length);
    return new String(crypt(Cipher.DECRYPT_MODE, nonce, owner, box), StandardCharsets.UTF_8);
  }

  private byte[] crypt(int mode, byte[] nonce, UUID owner, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(owner));
      return cipher.doFinal(input);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException(
          "A sealed secret does not open: another OTOS_SECRET_KEY, another template, or altered");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private static byte[] associatedData(UUID owner) {
    return ByteBuffer.allocate(16)
        .putLong(owner.getMostSignificantBits())
        .putLong(owner.getLeastSignificantBits())
        .array();
  }
}
