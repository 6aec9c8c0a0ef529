package io.otos.core.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bearer token of the management API, from configuration ({@code otos.admin.token}, environment
 * {@code OTOS_ADMIN_TOKEN}). Without one, the management API accepts nobody.
 */
@ApplicationScoped
public class AdminToken {

  public static final int MIN_LENGTH = 16;

  private byte[] expectedDigest;

  private static final Logger LOG = Logger.getLogger(AdminToken.class.getName());

  @Inject
  public AdminToken(@ConfigProperty(name = "otos.admin.token") Optional<String> token) {
    if (token.map(String::strip).filter(t -> !t.isEmpty() && t.length() < MIN_LENGTH).isPresent()) {
      LOG.warning(
          "OTOS_ADMIN_TOKEN is shorter than "
              + MIN_LENGTH
              + " characters and is ignored: the management API stays disabled");
    }
    this.expectedDigest =
        token
            .map(String::strip)
            .filter(t -> t.length() >= MIN_LENGTH)
            .map(AdminToken::digest)
            .orElse(null);
  }

  /** Needed by CDI for the client proxy. */
  protected AdminToken() {}

  public boolean isConfigured() {
    return expectedDigest != null;
  }

  /**
   * Whether {@code presented} is the configured token. Both are hashed first and compared in
   * constant time, so neither the content nor the length of the token leaks through timing.
   */
  public boolean accepts(String presented) {
    return expectedDigest != null
        && presented != null
        && MessageDigest.isEqual(digest(presented), expectedDigest);
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
