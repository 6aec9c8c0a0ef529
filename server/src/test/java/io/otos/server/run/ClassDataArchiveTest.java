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

  /** A JDK 17 archive's header, then anything. */
  private static final byte[] ARCHIVE = {(byte) 0xA8, (byte) 0xAB, 0x0B, (byte) 0xF0, 1, 2, 3};

  @TempDir Path build;

  @Test
  void theFirstStartRecordsAndTheNextMapsWhatItKept() throws IOException {
    Path payara = write("payara-micro.jar", "runtime");
    Path war = write("otos.war", "application");

    ClassDataArchive first = ClassDataArchive.of(payara, war);
    assertThat(first.used()).isFalse();
    String recordTo = option(first, "-XX:ArchiveClassesAtExit=");
    Files.write(Path.of(recordTo), ARCHIVE); // what the JVM writes as it exits
    assertThat(first.keep(true)).isTrue();

    ClassDataArchive second = ClassDataArchive.of(payara, war);
    assertThat(second.used()).isTrue();
    Path mapped = Path.of(option(second, "-XX:SharedArchiveFile="));
    assertThat(mapped).hasBinaryContent(ARCHIVE).hasParent(build);
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
    Files.write(recording, ARCHIVE);

    assertThat(killed.keep(false)).isFalse();

    assertThat(recording).doesNotExist();
    assertThat(archives()).isEmpty();
    assertThat(ClassDataArchive.of(payara, war).used()).isFalse();
  }

  @Test
  void aRecordingWithoutTheArchivesHeaderIsThrownAway() throws IOException {
    Path payara = write("payara-micro.jar", "runtime");
    Path war = write("otos.war", "application");
    ClassDataArchive cut = ClassDataArchive.of(payara, war);
    Path recording = Path.of(option(cut, "-XX:ArchiveClassesAtExit="));
    Files.write(
        recording, new byte[64]); // the header is written last: a cut file starts with zeros

    assertThat(cut.keep(true)).isFalse();

    assertThat(recording).doesNotExist();
    assertThat(ClassDataArchive.of(payara, war).used()).isFalse();
  }

  @Test
  void aStopThatRecordedNothingKeepsNothing() throws IOException {
    ClassDataArchive archive =
        ClassDataArchive.of(write("payara-micro.jar", "runtime"), write("otos.war", "app"));

    assertThat(archive.keep(true)).isFalse();
    assertThat(archives()).isEmpty();
  }

  @Test
  void recordingsOfLaunchersThatHaveGoneAreRemoved() throws IOException {
    Path payara = write("payara-micro.jar", "runtime");
    Path war = write("otos.war", "application");
    Path abandoned = write("payara-classes-" + Long.MAX_VALUE + "-x.recording", "left by a bench");
    Path running =
        write("payara-classes-" + ProcessHandle.current().pid() + "-y.recording", "being written");

    ClassDataArchive.of(payara, war);

    assertThat(abandoned).doesNotExist();
    assertThat(running).exists();
  }

  private void record(ClassDataArchive archive) throws IOException {
    Files.write(Path.of(option(archive, "-XX:ArchiveClassesAtExit=")), ARCHIVE);
    assertThat(archive.keep(true)).isTrue();
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
