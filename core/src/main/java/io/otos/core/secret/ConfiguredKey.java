package io.otos.core.secret;

import java.util.Base64;
import java.util.Optional;

/** A key the server reads from its configuration: at least 32 random bytes in base64. */
final class ConfiguredKey {

  static final int MIN_BYTES = 32;

  private ConfiguredKey() {}

  /**
   * The key's bytes.
   *
   * @param variable the environment variable that sets it, named in the error when it is wrong
   * @throws IllegalStateException saying what is wrong, never showing the value
   */
  static byte[] decode(Optional<String> encoded, String variable) {
    String text =
        encoded
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No key configured: set "
                            + variable
                            + " to at least "
                            + MIN_BYTES
                            + " random bytes in base64 (e.g. `openssl rand -base64 32`)"));
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(variable + " is not valid base64");
    }
    if (bytes.length < MIN_BYTES) {
      throw new IllegalStateException(
          variable + " must hold at least " + MIN_BYTES + " bytes, it holds " + bytes.length);
    }
    return bytes;
  }
}
