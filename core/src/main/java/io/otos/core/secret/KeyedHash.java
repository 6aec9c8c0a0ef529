package io.otos.core.secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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

  private SecretKeySpec key;

  @Inject
  public KeyedHash(@ConfigProperty(name = "otos.hash.key") Optional<String> encodedKey) {
    this.key = Hmac.key(decode(encodedKey));
  }

  /** Needed by CDI for the client proxy. */
  protected KeyedHash() {}

  /** Creates the bean when the application starts, so that a missing key stops the deployment. */
  void checkKeyAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    hash("startup check");
  }

  public byte[] hash(String secret) {
    return Hmac.sha256(key, secret.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] decode(Optional<String> encodedKey) {
    return ConfiguredKey.decode(encodedKey, "OTOS_HASH_KEY");
  }
}
