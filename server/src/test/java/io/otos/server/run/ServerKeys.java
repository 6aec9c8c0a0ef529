package io.otos.server.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Keys of a dev instance: generated on first start and kept, readable by their owner only. */
final class ServerKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ServerKeys() {}

  /** The key in {@code file}, created with 32 random bytes when it does not exist. */
  static String loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, random(32) + "\n", StandardCharsets.US_ASCII);
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create " + file, e);
    }
  }

  /** {@code bytes} random bytes in base64. */
  static String random(int bytes) {
    byte[] key = new byte[bytes];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** A token for the management API: 32 random bytes, URL-safe. */
  static String newAdminToken() {
    byte[] token = new byte[32];
    RANDOM.nextBytes(token);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /** A first console password for a dev instance: 20 letters and digits, easy to type. */
  static String newConsolePassword() {
    String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return password.toString();
  }
}
