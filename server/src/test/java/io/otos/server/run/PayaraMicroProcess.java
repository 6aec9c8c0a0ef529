package io.otos.server.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Payara Micro in a child process with the OTOS WAR deployed at the root. Its output goes to a log
 * file, where failed deployments are spotted: Payara Micro keeps running after one, so "started" is
 * not "ready".
 */
final class PayaraMicroProcess {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern ANSI_COLOURS = Pattern.compile("\u001B\\[[0-9;]*m");

  private final Process process;
  private final Path log;
  private final ClassDataArchive classes;
  private final List<String> problems = new ArrayList<>();
  private volatile boolean deployFailed;
  private volatile boolean wasReady;
  private volatile boolean classArchiveRefused;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private boolean inDeployedList;

  private PayaraMicroProcess(Process process, Path log, ClassDataArchive classes) {
    this.process = process;
    this.log = log;
    this.classes = classes;
    Thread pump = new Thread(this::pumpOutput, "payara-micro-log");
    pump.setDaemon(true);
    pump.start();
  }

  static PayaraMicroProcess start(
      RunSettings settings, Path payaraJar, Path war, Map<String, String> environment)
      throws IOException {
    return start(settings, payaraJar, war, List.of(), environment);
  }

  /**
   * Payara Micro with OTOS at the root context and {@code moreWars} beside it, each at the context
   * of its file name.
   */
  static PayaraMicroProcess start(
      RunSettings settings,
      Path payaraJar,
      Path war,
      List<Path> moreWars,
      Map<String, String> environment)
      throws IOException {
    Path work = Files.createDirectories(settings.dataDir().resolve("payara"));
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    Path logs = Files.createDirectories(settings.dataDir().resolve("logs"));
    Path preboot = work.resolve("preboot.asadmin");
    // The production package's settings, and the address to listen on.
    Files.writeString(
        preboot,
        Files.readString(settings.home().resolve("server/src/main/payara/preboot.asadmin"))
            + "\nset configs.config.server-config.network-config.network-listeners.network-listener"
            + ".http-listener.address="
            + settings.httpAddress()
            + "\n");
    ClassDataArchive classes = ClassDataArchive.of(payaraJar, war);
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The production package's JVM options (docs/operations.md).
                "-XX:+UseSerialGC",
                "-Xms128m",
                "-Xmx512m",
                // Profiles (./otos bench --profile, or JFR started by hand) keep whole stacks:
                // JFR's default of 64 frames cuts a request's below the persistence layer.
                "-XX:FlightRecorderOptions:stackdepth=256",
                "-Djava.io.tmpdir=" + tmp,
                "-jar",
                payaraJar.toString(),
                "--deploy",
                war.toString(),
                "--contextroot",
                "/",
                "--port",
                String.valueOf(settings.httpPort()),
                "--nocluster",
                "--disablephonehome",
                "--prebootcommandfile",
                preboot.toString()));
    command.addAll(1, classes.jvmOptions());
    for (Path more : moreWars) {
      command.addAll(List.of("--deploy", more.toString()));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    // A developer's Ctrl-C need not wait for the production grace period (docs/operations.md).
    builder.environment().putIfAbsent("OTOS_SHUTDOWN_GRACE_SECONDS", "1");
    return new PayaraMicroProcess(builder.start(), logs.resolve("server.log"), classes);
  }

  /**
   * Waits until {@code probe} answers 200, the deployment fails, or the process ends.
   *
   * @return {@code null} when ready, else why not
   */
  String awaitReady(URI probe, String bearerToken) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (deployFailed) {
        return "the application failed to deploy:\n" + String.join("\n", problems());
      }
      if (!process.isAlive()) {
        return "Payara Micro stopped with exit code "
            + process.exitValue()
            + ":\n"
            + String.join("\n", problems());
      }
      if (answersOk(http, probe, bearerToken)) {
        wasReady = true;
        return null;
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    return "the application did not answer within " + START_TIMEOUT.toSeconds() + " s";
  }

  private static boolean answersOk(HttpClient http, URI probe, String bearerToken)
      throws InterruptedException {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(probe)
              .header("Authorization", "Bearer " + bearerToken)
              .timeout(Duration.ofSeconds(5))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  Path log() {
    return log;
  }

  Process process() {
    return process;
  }

  /** How this start loaded its classes; known once it is ready. */
  ClassDataArchive.Use classArchive() {
    if (!classes.used()) {
      return ClassDataArchive.Use.RECORDED;
    }
    return classArchiveRefused ? ClassDataArchive.Use.REFUSED : ClassDataArchive.Use.MAPPED;
  }

  /**
   * Asks Payara Micro to stop (SIGTERM), and kills it if it has not within 30 s (60 s while it
   * writes the class-data archive it recorded, which took 15 s on two slow cores). A server that
   * had been ready and stopped keeps that archive.
   */
  void stop() {
    // Not synchronized: watch() holds this object's lock for every line the server writes, and a
    // server that cannot write its output as it stops never ends.
    if (stopped.getAndSet(true)) {
      return;
    }
    boolean killed = false;
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(classes.used() ? 30 : 60, TimeUnit.SECONDS)) {
          killed = true;
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        killed = true;
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    if (classes.used() || process.isAlive()) {
      return;
    }
    // 143, 130: ended by SIGTERM or SIGINT, through the JVM's shutdown, which writes the archive
    boolean clean = !killed && Set.of(0, 130, 143).contains(process.exitValue());
    try {
      if (!classes.keep(wasReady && clean) && wasReady && clean) {
        System.err.println(
            "otos: the server wrote no class-data archive as it stopped; see " + log);
      }
    } catch (IOException e) {
      System.err.println("otos: could not keep the class-data archive: " + e.getMessage());
    }
  }

  private synchronized List<String> problems() {
    return problems.isEmpty() ? List.of("(see " + log + ")") : List.copyOf(problems);
  }

  /**
   * Copies the server's output to the log file. Writes are buffered and flushed whenever the server
   * has nothing more to say: a flush per line would make the server's logging, and so its requests,
   * wait.
   */
  private void pumpOutput() {
    try (var in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
        var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(line);
        out.newLine();
        watch(line);
        if (!in.ready()) {
          out.flush();
        }
      }
    } catch (IOException streamClosed) {
      // the process has ended; what it wrote is in the log
    }
  }

  private synchronized void watch(String line) {
    String trimmed = line.strip();
    if (trimmed.contains("Exception while deploying")
        || trimmed.contains("Exception during lifecycle processing")
        || trimmed.contains("\"Deployed\": []")
        || inDeployedList && trimmed.startsWith("]")) {
      deployFailed = true;
    }
    if (!trimmed.isEmpty()) {
      inDeployedList = trimmed.endsWith("\"Deployed\": [");
    }
    if (trimmed.contains("[warning][cds") || trimmed.contains("Unable to use shared archive")) {
      classArchiveRefused = true;
    }
    boolean telling =
        !trimmed.startsWith("at ")
            && (trimmed.contains("SEVERE")
                || trimmed.contains("Exception")
                || trimmed.startsWith("Caused by"));
    if (telling && problems.size() < 20) {
      problems.add("  " + ANSI_COLOURS.matcher(trimmed).replaceAll(""));
    }
  }
}
