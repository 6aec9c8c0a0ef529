package io.otos.server.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The JVM's class-data sharing archive of one build of the server (its Payara Micro and WAR, on
 * this JVM): the first start records the classes it loads, and writes them when it stops; later
 * starts map them instead of loading, parsing and verifying them again. Kept beside the WAR, so a
 * rebuild or {@code mvn clean} makes a new one. A start whose archive the JVM cannot use runs
 * without it.
 */
final class ClassDataArchive {

  /** How a start loaded its classes, and what to tell of it. */
  enum Use {
    MAPPED("class-data archive of this build mapped"),
    RECORDED(
        "first start of this build: the classes it loads are saved as it stops (which takes"
            + " longer), and later starts are faster"),
    REFUSED(
        "the JVM refused this build's class-data archive (see the server log) and started without");

    final String report;

    Use(String report) {
      this.report = report;
    }
  }

  private static final String PREFIX = "payara-classes-";
  private static final String RECORDING = ".recording";

  /** The first bytes of a JDK 17 archive; the JVM writes them last. */
  private static final byte[] MAGIC = {(byte) 0xA8, (byte) 0xAB, 0x0B, (byte) 0xF0};

  private final Path archive;
  private final Path recording;
  private final boolean used;

  private ClassDataArchive(Path archive, Path recording) {
    this.archive = archive;
    this.recording = recording;
    this.used = Files.isRegularFile(archive);
  }

  /** The archive of the server made of {@code payaraJar} and {@code war}, on this JVM. */
  static ClassDataArchive of(Path payaraJar, Path war) throws IOException {
    String build =
        String.join(
            "\n",
            stamp(payaraJar),
            stamp(war),
            System.getProperty("java.home"),
            System.getProperty("java.vm.version"));
    removeAbandonedRecordings(war.getParent());
    Path archive = war.resolveSibling(PREFIX + digest(build) + ".jsa");
    Path recording =
        war.resolveSibling(
            PREFIX + ProcessHandle.current().pid() + "-" + UUID.randomUUID() + RECORDING);
    return new ClassDataArchive(archive, recording);
  }

  /** Whether this start maps the archive (else it records one). */
  boolean used() {
    return used;
  }

  /** The server JVM's options: use the archive, or record it at exit. */
  List<String> jvmOptions() {
    return used
        ? List.of("-XX:SharedArchiveFile=" + archive)
        : List.of("-XX:ArchiveClassesAtExit=" + recording);
  }

  /**
   * After the server stopped: keeps what it recorded as the build's archive, replacing the archives
   * of other builds. A server that did not stop cleanly may have written part of a file (its header
   * comes last); {@code stoppedCleanly} false, or a file without the archive's header, is thrown
   * away.
   *
   * @return whether there is now an archive it recorded
   */
  boolean keep(boolean stoppedCleanly) throws IOException {
    try {
      if (!stoppedCleanly || !startsWithMagic(recording)) {
        return false;
      }
      try (Stream<Path> siblings = Files.list(archive.getParent())) {
        for (Path old : siblings.filter(f -> isArchive(f) && !f.equals(archive)).toList()) {
          Files.deleteIfExists(old);
        }
      }
      Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE); // replaces, on POSIX
      return true;
    } finally {
      Files.deleteIfExists(recording);
    }
  }

  private static boolean startsWithMagic(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }
  }

  /** Recordings left by a launcher that has gone (a bench stopped with Ctrl-C, a killed one). */
  private static void removeAbandonedRecordings(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(ClassDataArchive::isRecording).toList()) {
        String name = file.getFileName().toString();
        String pid = name.substring(PREFIX.length(), name.indexOf('-', PREFIX.length()));
        boolean launcherAlive =
            pid.chars().allMatch(Character::isDigit)
                && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        if (!launcherAlive) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static boolean isArchive(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(PREFIX) && name.endsWith(".jsa");
  }

  private static boolean isRecording(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(PREFIX)
        && name.endsWith(RECORDING)
        && name.indexOf('-', PREFIX.length()) > PREFIX.length();
  }

  private static String stamp(Path file) throws IOException {
    return file.toAbsolutePath()
        + " "
        + Files.size(file)
        + " "
        + Files.getLastModifiedTime(file).toMillis();
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
