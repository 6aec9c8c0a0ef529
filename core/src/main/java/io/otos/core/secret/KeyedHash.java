package io.otos.core.secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keyed hash under which secrets are stored: HMAC-SHA256 with the server's hash key.
 *
 * <p>A database dump alone cannot be used to test guesses of a secret: the key lives in
 * configuration ({@code otos.hash.key}, environment {@code OTOS_HASH_KEY}), never in the database.
 * Changing the key makes every stored secret and voucher unusable, so it is generated once and
 * kept.
 */
@ApplicationScoped
public class KeyedHash {

  static final int MIN_KEY_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";

  private SecretKeySpec key;

  @Inject
  public KeyedHash(@ConfigProperty(name = "otos.hash.key") Optional<String> encodedKey) {
    this.key = new SecretKeySpec(decode(encodedKey), ALGORITHM);
  }

  /** Needed by CDI for the client proxy. */
  protected KeyedHash() {}

  /** Creates the bean when the application starts, so that a missing key stops the deployment. */
  void checkKeyAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    hash("startup check");
  }

  public byte[] hash(String secret) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  static byte[] decode(Optional<String> encodedKey) {
    String encoded =
        encodedKey
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No hash key configured: set OTOS_HASH_KEY to at least "
                            + MIN_KEY_BYTES
                            + " random bytes in base64 (e.g. `openssl rand -base64 32`)"));
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("OTOS_HASH_KEY is not valid base64");
    }
    if (bytes.length < MIN_KEY_BYTES) {
      throw new IllegalStateException(
          "OTOS_HASH_KEY must hold at least " + MIN_KEY_BYTES + " bytes, it holds " + bytes.length);
    }
    return bytes;
  }
}
