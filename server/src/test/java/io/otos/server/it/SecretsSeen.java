package io.otos.server.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Every secret the integration tests created or were given (template secrets, voucher passwords,
 * device keys, the server's keys), written down as it is seen so that {@link ServerLogScanIT} can
 * search the whole run's server logs for each. The file is readable by its owner only.
 */
final class SecretsSeen {

  /** Shorter values could appear in a log by chance. */
  private static final int MIN_LENGTH = 12;

  private SecretsSeen() {}

  static Path file() {
    return Path.of(System.getProperty("otos.secretsSeen", "target/it-secrets-seen.txt"));
  }

  /** Starts a new run's list. */
  static synchronized void forgetEarlierRuns() {
    try {
      Files.deleteIfExists(file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static synchronized void record(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH) {
      return;
    }
    try {
      Path file = file();
      if (!Files.exists(file)) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> all() {
    try {
      return Files.exists(file())
          ? Files.readAllLines(file(), StandardCharsets.UTF_8).stream().distinct().toList()
          : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
