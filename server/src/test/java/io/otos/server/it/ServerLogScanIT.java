package io.otos.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Runs after every other integration test (server/pom.xml) and searches the server logs of the
 * whole run (the Payara Micro output each test class captured, and the production package's log)
 * for every secret the run created or was given: template secrets, voucher passwords, device keys,
 * the server's keys and admin token.
 */
class ServerLogScanIT {

  private static final Path TARGET = Path.of(System.getProperty("otos.target", "target"));

  @Test
  void noSecretOfTheRunAppearsInAnyServerLog() throws Exception {
    List<String> secrets = SecretsSeen.all();
    List<Log> logs = logs();

    // The server's keys and admin token, and what the tests created.
    assertThat(secrets).as("secrets the run saw").hasSizeGreaterThan(3);
    assertThat(logs.stream().filter(log -> log.text().contains("POST /v1/device/auth")))
        .as("logs that hold the server's request log")
        .isNotEmpty();
    List<String> found = new ArrayList<>();
    for (Log log : logs) {
      for (String secret : secrets) {
        if (log.text().contains(secret)) {
          found.add(log.name() + " shows a secret starting " + secret.substring(0, 4));
        }
      }
    }
    System.out.printf(
        "Searched %d server logs (%d MB) for %d secrets%n",
        logs.size(), logs.stream().mapToLong(l -> l.text().length()).sum() >> 20, secrets.size());
    assertThat(found).isEmpty();
  }

  private record Log(String name, String text) {}

  private static List<Log> logs() throws Exception {
    List<Log> logs = new ArrayList<>();
    try (Stream<Path> reports = Files.list(TARGET.resolve("failsafe-reports"))) {
      for (Path report :
          reports.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
        logs.add(new Log(report.getFileName().toString(), capturedOutput(report)));
      }
    }
    Path packageLog = TARGET.resolve("production-package-it.log");
    if (Files.exists(packageLog)) {
      logs.add(new Log(packageLog.getFileName().toString(), read(packageLog)));
    }
    return logs;
  }

  /** What a test class's JVM printed, the server's output included, unescaped from the XML. */
  private static String capturedOutput(Path report) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(report.toFile());
    StringBuilder text = new StringBuilder();
    for (String element : List.of("system-out", "system-err")) {
      NodeList nodes = document.getElementsByTagName(element);
      for (int i = 0; i < nodes.getLength(); i++) {
        text.append(nodes.item(i).getTextContent()).append('\n');
      }
    }
    return text.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
