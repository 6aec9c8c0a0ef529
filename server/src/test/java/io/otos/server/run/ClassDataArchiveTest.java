package io.otos.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

  @TempDir Path build;

  @Test
  void theFirstStartRecordsAndTheNextMapsWhatItKept() throws IOException {
    Path payara = write("payara-micro.jar", "runtime");
    Path war = write("otos.war", "application");

    ClassDataArchive first = ClassDataArchive.of(payara, war);
    assertThat(first.used()).isFalse();
    String recordTo = option(first, "-XX:ArchiveClassesAtExit=");
    Files.writeString(Path.of(recordTo), "classes"); // what the JVM writes as it exits
    first.keep(true);

    ClassDataArchive second = ClassDataArchive.of(payara, war);
    assertThat(second.used()).isTrue();
    Path mapped = Path.of(option(second, "-XX:SharedArchiveFile="));
    assertThat(mapped).hasContent("classes").hasParent(build);
    assertThat(Path.of(recordTo)).doesNotExist();
  }

  @Test
  void aRebuiltWarRecordsAgainAndReplacesTheOldArchive() throws IOException {
    Path payara = write("payara-micro.jar", "runtime");
    Path war = write("otos.war", "application");
    record(ClassDataArchive.of(payara, war));

    Files.writeString(war, "application, rebuilt");
    Files.setLastModifiedTime(war, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    ClassDataArchive rebuilt = ClassDataArchive.of(payara, war);
    assertThat(rebuilt.used()).isFalse();
    record(rebuilt);

    assertThat(archives()).hasSize(1);
    assertThat(ClassDataArchive.of(payara, war).used()).isTrue();
  }

  @Test
  void aKilledServersRecordingIsThrownAway() throws IOException {
    Path payara = write("payara-micro.jar", "runtime");
    Path war = write("otos.war", "application");
    ClassDataArchive killed = ClassDataArchive.of(payara, war);
    Path recording = Path.of(option(killed, "-XX:ArchiveClassesAtExit="));
    Files.writeString(recording, "half an arch");

    killed.keep(false);

    assertThat(recording).doesNotExist();
    assertThat(archives()).isEmpty();
    assertThat(ClassDataArchive.of(payara, war).used()).isFalse();
  }

  private void record(ClassDataArchive archive) throws IOException {
    Files.writeString(Path.of(option(archive, "-XX:ArchiveClassesAtExit=")), "classes");
    archive.keep(true);
  }

  private static String option(ClassDataArchive archive, String prefix) {
    assertThat(archive.jvmOptions()).hasSize(1).allMatch(o -> o.startsWith(prefix));
    return archive.jvmOptions().get(0).substring(prefix.length());
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(build)) {
      return files.filter(f -> f.toString().endsWith(".jsa")).toList();
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(build.resolve(name), content);
  }
}
