package io.otos.server.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Packs the benchmark's no-op application (test classes) into a WAR for Payara Micro. */
final class NoopWar {

  private static final String PACKAGE = "io/otos/server/bench/noop";

  private NoopWar() {}

  /**
   * Writes {@code noop.war} into {@code directory} from the compiled classes under {@code classes}.
   */
  static Path write(Path classes, Path directory) throws IOException {
    Path war = directory.resolve("noop.war");
    List<Path> compiled;
    try (Stream<Path> files = Files.list(classes.resolve(PACKAGE))) {
      compiled = files.filter(f -> f.toString().endsWith(".class")).toList();
    }
    if (compiled.isEmpty()) {
      throw new IOException("No compiled no-op classes under " + classes.resolve(PACKAGE));
    }
    try (OutputStream file = Files.newOutputStream(war);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Path clazz : compiled) {
        zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + PACKAGE + "/" + clazz.getFileName()));
        Files.copy(clazz, zip);
        zip.closeEntry();
      }
    }
    return war;
  }
}
