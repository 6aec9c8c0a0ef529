package io.otos.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

  /** A JDK 17 archive's header, then anything. */
  private static final byte[] ARCHIVE = {(byte) 0xA8, (byte) 0xAB, 0x0B, (byte) 0xF0, 1, 2, 3};

  @TempDir Path build;
  private Path payara;
  private Path war;

  @BeforeEach
  void aBuild() throws IOException {
    payara = write("payara-micro.jar", "runtime");
    war = write("otos.war", "application");
  }

  @Test
  void theFirstStartRecordsAndTheNextMapsWhatItKept() throws IOException {

    ClassDataArchive first = ClassDataArchive.of(payara, war);
    assertThat(first.used()).isFalse();
    Path recording = recorded(first, ARCHIVE);
    assertThat(first.keep(true)).isTrue();

    ClassDataArchive second = ClassDataArchive.of(payara, war);
    assertThat(second.used()).isTrue();
    Path mapped = Path.of(option(second, "-XX:SharedArchiveFile="));
    assertThat(mapped).hasBinaryContent(ARCHIVE).hasParent(build);
    assertThat(recording).doesNotExist();
  }

  @Test
  void aRebuiltWarRecordsAgainAndReplacesTheOldArchive() throws IOException {
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
    ClassDataArchive killed = ClassDataArchive.of(payara, war);
    Path recording = recorded(killed, ARCHIVE);

    assertThat(killed.keep(false)).isFalse();

    assertThat(recording).doesNotExist();
    assertThat(archives()).isEmpty();
    assertThat(ClassDataArchive.of(payara, war).used()).isFalse();
  }

  @Test
  void aRecordingWithoutTheArchivesHeaderIsThrownAway() throws IOException {
    ClassDataArchive cut = ClassDataArchive.of(payara, war);
    // the header is written last: a cut file starts with zeros
    Path recording = recorded(cut, new byte[64]);

    assertThat(cut.keep(true)).isFalse();

    assertThat(recording).doesNotExist();
    assertThat(ClassDataArchive.of(payara, war).used()).isFalse();
  }

  @Test
  void aStopThatRecordedNothingKeepsNothing() throws IOException {
    ClassDataArchive archive = ClassDataArchive.of(payara, war);

    assertThat(archive.keep(true)).isFalse();
    assertThat(archives()).isEmpty();
  }

  @Test
  void recordingsOfLaunchersThatHaveGoneAreRemoved() throws IOException {
    Path abandoned = write("payara-classes-" + Long.MAX_VALUE + "-x.recording", "left by a bench");
    Path running =
        write("payara-classes-" + ProcessHandle.current().pid() + "-y.recording", "being written");

    ClassDataArchive.of(payara, war);

    assertThat(abandoned).doesNotExist();
    assertThat(running).exists();
  }

  /** Writes what the server's JVM would write as it exits, where the archive told it to. */
  private static Path recorded(ClassDataArchive archive, byte[] content) throws IOException {
    return Files.write(Path.of(option(archive, "-XX:ArchiveClassesAtExit=")), content);
  }

  private void record(ClassDataArchive archive) throws IOException {
    recorded(archive, ARCHIVE);
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
