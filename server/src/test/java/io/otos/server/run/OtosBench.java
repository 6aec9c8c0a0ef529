package io.otos.server.run;

import io.otos.core.auth.GroupedProvisioning;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.postgresql.PGConnection;

/**
 * `./otos bench`: starts OTOS on a fresh embedded PostgreSQL (fsync on, as in production), seeds
 * devices, loads it with wrk from another process over loopback, measures the machine's two
 * ceilings in the same run (a no-op endpoint on the same Payara Micro; pgbench running one
 * provisioning's SQL, and a group of repeat auths', on the same database), and reports medians of
 * several runs: a table, JSON and an SVG chart under {@code server/target/bench/}. See
 * docs/performance.md.
 */
public final class OtosBench {

  /** Offered loads of the open-loop phase, requests a second. */
  static final List<Integer> OPEN_LOOP_RATES = List.of(100, 250, 500, 1000);

  private OtosBench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (RuntimeException e) {
      System.err.println(
          "otos bench: "
              + e.getMessage()
              + "\nusage: ./otos bench [--devices N] [--seconds S] [--connections C] [--runs R]"
              + " [--storm N] [--profile] [--quick] [--against CHECKOUT]");
      System.exit(2);
      return;
    }
    OtosRun.quietLogging();
    Path home = Path.of(System.getProperty("otos.home", ".")).toAbsolutePath().normalize();
    int status;
    try {
      status = run(home, options);
    } catch (Exception | Error failure) {
      if (BenchServer.endedEarly()) { // the JVM is ending; the shutdown hook has said why
        System.err.println("bench: the load in progress stopped with it: " + failure);
        return;
      }
      throw failure;
    }
    System.exit(status);
  }

  private static int run(Path home, BenchOptions options) throws Exception {
    Path dir = home.resolve("server/target/bench");
    deleteRecursively(dir);
    Files.createDirectories(dir);
    if (options.against().isPresent()) {
      return AbBench.run(home, options.against().get(), dir, options);
    }
    System.out.println("bench: starting PostgreSQL and OTOS (fsync on, as in production)");
    BenchServer server;
    try {
      server =
          BenchServer.start(
              home,
              dir,
              options.profile(),
              List.of(NoopWar.write(home.resolve("server/target/test-classes"), dir)));
    } catch (IOException e) {
      System.err.println("bench: " + e.getMessage());
      return 1;
    }
    try (server) {
      System.out.printf(
          "bench: ready in %.1f s (%s), resident memory %d MiB%n",
          server.startSeconds, server.classArchive.report, server.residentMiB);
      if (options.profile()) {
        armFlightRecorder(server.pid(), dir.resolve("armed.jfr"));
      }
      return measure(options, dir, server);
    }
  }

  private static int measure(BenchOptions options, Path dir, BenchServer under) throws Exception {
    String base = under.base;
    String hashKey = under.hashKey;
    EmbeddedDatabase database = under.database;
    PayaraMicroProcess server = under.server;
    var template = createTemplate(base, under.adminToken);
    String secret = template.getString("template_secret");
    String templateId = template.getString("id");
    long seeding = System.nanoTime();
    seed(database, templateId, options.devices());
    System.out.printf(
        "bench: seeded %,d devices in %.1f s%n",
        options.devices(), (System.nanoTime() - seeding) / 1e9);

    Wrk wrk = new Wrk(dir.resolve("scripts"));
    Pgbench pgbench = new Pgbench(dir.resolve("scripts"), "provisioning.sql");
    Pgbench repeatGroups = new Pgbench(dir.resolve("scripts"), "repeat-group.sql");
    String auth = base + "/api/v1/device/auth";
    String seeded = String.valueOf(options.devices());
    int c = options.connections();
    int s = options.seconds();
    CpuMeter cpu = new CpuMeter(server.process().pid(), under.postgres);
    WarmUp.run(wrk, cpu, WarmUp.OTOS, auth, "20", c, secret, seeded);
    // The ceiling shares Jersey and Grizzly with OTOS but not all of its code: unwarmed, it went
    // from 6,000 to 18,000 req/s over three runs.
    WarmUp.run(wrk, cpu, WarmUp.NOOP, base + "/noop/auth", "100", c, secret, seeded);

    Map<String, List<Wrk.Result>> runs = new LinkedHashMap<>();
    List<Pgbench.Result> databaseRuns = new ArrayList<>();
    List<Pgbench.Result> repeatDatabaseRuns = new ArrayList<>();
    String hashHex = HexFormat.of().formatHex(hmac(hashKey, secret));
    Map<String, String> templateVariables = Map.of("template", templateId, "hash", hashHex);
    Map<String, String> groupVariables = groupVariables(templateVariables, options.devices());
    PgStatements statements = options.profile() ? new PgStatements(database) : null;
    for (int run = 1; run <= options.runs(); run++) {
      System.out.printf("bench: run %d of %d%n", run, options.runs());
      String tag = "r" + run + "-" + UUID.randomUUID().toString().substring(0, 8);
      if (run == 1 && options.profile()) {
        profile(server.process().pid(), dir.resolve("first-time.jfr"), s);
      }
      boolean counting = run == 1 && statements != null;
      ClosedLoop load =
          (scenario, url, numbers, percentNew) -> {
            if (counting) {
              statements.reset();
            }
            Wrk.Result result =
                cpu.metered(
                    () ->
                        wrk.run(
                            scenario,
                            url,
                            c,
                            s,
                            "auth.lua",
                            secret,
                            numbers,
                            "seed",
                            seeded,
                            percentNew));
            add(runs, result);
            if (counting && url.equals(auth)) {
              statements.report(
                  scenario,
                  result.requests(),
                  dir.resolve("statements-" + scenario.split(" ")[0] + ".txt"));
            }
          };
      load.run("first-time", auth, "new-" + tag, "100");
      load.run("repeat", auth, "none", "0");
      load.run("mix 20% new", auth, "mix-" + tag, "20");
      load.run("framework (no-op)", base + "/noop/auth", "noop-" + tag, "100");
      Pgbench.Result db =
          cpu.metered(
              () -> pgbench.run(database.port(), database.user(), c, 1, s, templateVariables));
      databaseRuns.add(db);
      System.out.printf(
          "  %-20s %8.0f tx/s   mean %5.1f ms  CPU ms/tx: PostgreSQL %s, pgbench %s%n",
          "database (pgbench)",
          db.tps(),
          db.meanMillis(),
          BenchReport.millis(db.cpu().databaseMillisPerRequest()),
          BenchReport.millis(db.cpu().generatorMillisPerRequest()));
      Pgbench.Result groups =
          cpu.metered(
              () ->
                  repeatGroups.run(
                      database.port(),
                      database.user(),
                      GroupedProvisioning.MAX_GROUPS,
                      GroupedProvisioning.MAX_GROUP,
                      s,
                      groupVariables));
      repeatDatabaseRuns.add(groups);
      System.out.printf(
          "  %-20s %8.0f devices/s (%.0f tx/s of %d, %d at once)  CPU ms/device: PostgreSQL %s,"
              + " pgbench %s%n",
          "database, repeat",
          groups.devicesPerSecond(),
          groups.tps(),
          groups.devices(),
          groups.clients(),
          BenchReport.millis(groups.cpu().databaseMillisPerRequest()),
          BenchReport.millis(groups.cpu().generatorMillisPerRequest()));
    }
    if (options.quick()) {
      System.out.println("bench: --quick, no sweep, open loop or storm");
    }
    List<Wrk.Result> sweep = new ArrayList<>();
    List<Integer> sweepConnections = options.quick() ? List.of() : List.of(1, 4, 16, 64, 256);
    if (!sweepConnections.isEmpty()) {
      System.out.println("bench: latency against load (mix 20% new)");
    }
    for (int connections : sweepConnections) {
      String tag = "sweep" + connections + "-" + UUID.randomUUID().toString().substring(0, 8);
      sweep.add(
          cpu.metered(
              () ->
                  wrk.run(
                      "mix 20% new",
                      auth, connections, s, "auth.lua", secret, tag, "seed", seeded, "20")));
    }

    List<OpenLoop.Result> openLoop = new ArrayList<>();
    List<Integer> rates = options.quick() ? List.of() : OPEN_LOOP_RATES;
    if (!rates.isEmpty()) {
      System.out.println(
          "bench: open loop, mix 20% new, requests sent on a schedule (latency from due)");
    }
    for (int rate : rates) {
      String tag = "open" + rate + "-" + UUID.randomUUID().toString().substring(0, 8);
      OpenLoop.Result result =
          cpu.metered(() -> OpenLoop.run(auth, secret, tag, options.devices(), rate, s));
      openLoop.add(result);
      System.out.printf(
          "  %5d req/s offered: %7.0f answered 200/s, %,d failed, p50 %s, p99 %s, p99.9 %s;"
              + " CPU ms/req: %s%n",
          rate,
          result.achieved(),
          result.failed(),
          OpenLoop.ms(result.p50Micros()),
          OpenLoop.ms(result.p99Micros()),
          OpenLoop.ms(result.p999Micros()),
          BenchReport.cpuPerRequest(result.cpu(), "load generator"));
    }

    List<Storm.Result> storms = new ArrayList<>();
    if (options.storm() > 0 && !options.quick()) {
      // As the issue sets it (each device asks once), then with every number sent twice at once.
      for (int copies = 1; copies <= 2; copies++) {
        int each = copies;
        System.out.printf(
            "bench: storm, %,d new devices from 500 clients, each number sent %s%n",
            options.storm(), sentHow(copies));
        storms.add(
            cpu.metered(() -> Storm.run(auth, secret, "storm" + each, options.storm(), each, 500)));
      }
    }

    Map<String, Wrk.Result> medians = new LinkedHashMap<>();
    runs.forEach((name, results) -> medians.put(name, median(results)));
    Wrk.Result framework = medians.remove("framework (no-op)");
    Pgbench.Result db = medianOf(databaseRuns);
    Pgbench.Result repeatDb = medianOf(repeatDatabaseRuns);
    System.out.println();
    System.out.printf(
        "OTOS benchmark: %,d seeded devices, %d connections, %d s a load, median of %d runs;"
            + " ready in %.1f s, %d MiB resident after start%n%n",
        options.devices(), c, s, options.runs(), under.startSeconds, under.residentMiB);
    System.out.print(BenchReport.table(medians, framework, db, repeatDb));
    boolean stormFailed = false;
    if (!storms.isEmpty()) {
      long doubled = doublyVouchered(database); // of both storms' devices
      stormFailed = doubled > 0;
      System.out.println();
      for (Storm.Result storm : storms) {
        stormFailed |= storm.provisioned() < storm.devices() || storm.conflicting() > 0;
        System.out.printf(
            "storm: %,d devices from %d clients, each number sent %s, in %.1f s"
                + " (%.0f devices/s): %,d provisioned, %,d requests, %,d retried (429, 503 or a"
                + " broken connection), %,d failed otherwise, %,d numbers given two device ids;"
                + " CPU ms/req: %s%n",
            storm.devices(),
            storm.clients(),
            sentHow(storm.copies()),
            storm.seconds(),
            storm.devices() / storm.seconds(),
            storm.provisioned(),
            storm.requests(),
            storm.retried(),
            storm.failed(),
            storm.conflicting(),
            BenchReport.cpuPerRequest(storm.cpu(), "the 500 clients"));
      }
      System.out.printf("storms: %,d devices with more than one active voucher%n", doubled);
    }
    Map<String, String> machine = new LinkedHashMap<>();
    machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    machine.put("java", System.getProperty("java.version"));
    machine.put("devices", String.valueOf(options.devices()));
    machine.put("connections", String.valueOf(c));
    machine.put("seconds", String.valueOf(s));
    machine.put("ready_seconds", String.format(java.util.Locale.ROOT, "%.1f", under.startSeconds));
    machine.put("resident_mib_after_start", String.valueOf(under.residentMiB));
    machine.put("class_data_archive", under.classArchive.name().toLowerCase(java.util.Locale.ROOT));
    BenchReport.writeJson(
        dir.resolve("result.json"), machine, runs, databaseRuns, repeatDatabaseRuns, sweep);
    BenchReport.writeSvg(dir.resolve("latency.svg"), sweep);
    Files.writeString(dir.resolve("open-loop.json"), OpenLoop.json(openLoop));
    System.out.println(
        "\nbench: wrote "
            + dir.resolve("result.json")
            + ", "
            + dir.resolve("open-loop.json")
            + " and "
            + dir.resolve("latency.svg"));
    if (stormFailed) {
      System.err.println("bench: the storm did not provision every device exactly once");
      return 1;
    }
    return 0;
  }

  private static String sentHow(int copies) {
    return copies == 1 ? "once" : "by " + copies + " clients at once";
  }

  /**
   * Starts and ends a short recording before the warm-up. The first recording of a JVM makes it
   * throw away all its compiled code (JFR instruments classes, and code compiled before could not
   * know it would be): started in the middle of the load, it left the server interpreting for the
   * rest of the run, at a tenth of its speed or less, and the profile showed an interpreter's hot
   * spots.
   */
  private static void armFlightRecorder(long pid, Path file)
      throws IOException, InterruptedException {
    jfr(pid, "arm", 1, file);
  }

  /** Records a JFR profile of the server for the next {@code seconds} (the first-time load). */
  private static void profile(long pid, Path file, int seconds)
      throws IOException, InterruptedException {
    jfr(pid, "bench", seconds, file);
    System.out.println("bench: profiling the first-time load into " + file);
  }

  private static void jfr(long pid, String name, int seconds, Path file)
      throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid),
                "JFR.start",
                "name=" + name,
                "settings=profile",
                "duration=" + seconds + "s",
                "filename=" + file)
            .redirectErrorStream(true)
            .start();
    String said = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (jcmd.waitFor() != 0) {
      System.err.println("bench: JFR recording " + name + " did not start: " + said.strip());
    }
  }

  private static void add(Map<String, List<Wrk.Result>> runs, Wrk.Result result) {
    runs.computeIfAbsent(result.scenario(), k -> new ArrayList<>()).add(result);
    System.out.printf(
        "  %-20s %8.0f req/s  p99 %6.1f ms  errors %d  CPU ms/req: %s%n",
        result.scenario(),
        result.throughput(),
        result.p99Micros() / 1000.0,
        result.non2xx() + result.socketErrors(),
        BenchReport.cpuPerRequest(result.cpu(), "wrk"));
  }

  /** One closed-loop load of wrk's auth script: new numbers get the prefix {@code numbers}. */
  @FunctionalInterface
  private interface ClosedLoop {
    void run(String scenario, String url, String numbers, String percentNew) throws Exception;
  }

  /** The run of median throughput, with its own latencies. */
  private static Wrk.Result median(List<Wrk.Result> results) {
    return results.stream()
        .sorted(Comparator.comparingDouble(Wrk.Result::throughput))
        .toList()
        .get(results.size() / 2);
  }

  static jakarta.json.JsonObject createTemplate(String base, String adminToken)
      throws IOException, InterruptedException {
    HttpResponse<String> created =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/templates"))
                    .header("Authorization", "Bearer " + adminToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IOException("could not create the template: " + created.body());
    }
    return Json.createReader(new StringReader(created.body())).readObject();
  }

  /**
   * The repeat ceiling's variables: groups of OTOS's size, each client among seeded devices of its
   * own, as OTOS's groups never lock one device at once.
   */
  private static Map<String, String> groupVariables(Map<String, String> template, int seeded) {
    Map<String, String> variables = new LinkedHashMap<>(template);
    variables.put("group", String.valueOf(GroupedProvisioning.MAX_GROUP));
    variables.put("per", String.valueOf(seeded / GroupedProvisioning.MAX_GROUPS));
    return variables;
  }

  private static Pgbench.Result medianOf(List<Pgbench.Result> runs) {
    return runs.stream()
        .sorted(Comparator.comparingDouble(Pgbench.Result::tps))
        .toList()
        .get(runs.size() / 2);
  }

  /** {@code count} devices, numbered seed-0 ... seed-(count-1), with SQL COPY. */
  static void seed(EmbeddedDatabase database, String templateId, int count) throws Exception {
    try (Connection connection =
        DriverManager.getConnection(database.jdbcUrl(), database.user(), "")) {
      var copy = connection.unwrap(PGConnection.class).getCopyAPI();
      var in =
          copy.copyIn(
              "COPY device (id, device_number, template_id, status, created_at, updated_at)"
                  + " FROM STDIN WITH (FORMAT csv)");
      StringBuilder rows = new StringBuilder();
      for (int i = 0; i < count; i++) {
        rows.append(UUID.randomUUID())
            .append(",seed-")
            .append(i)
            .append(',')
            .append(templateId)
            .append(",ACTIVE,now(),now()\n");
        if (rows.length() > 1 << 20 || i == count - 1) {
          byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
          in.writeToCopy(bytes, 0, bytes.length);
          rows.setLength(0);
        }
      }
      in.endCopy();
      connection.createStatement().execute("ANALYZE device");
    }
  }

  /** Devices holding more than one active voucher: there must be none. */
  private static long doublyVouchered(EmbeddedDatabase database) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT count(*) FROM (SELECT device_id FROM voucher WHERE revoked_at IS NULL"
                        + " GROUP BY device_id HAVING count(*) > 1) d")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static byte[] hmac(String base64Key, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(java.util.Base64.getDecoder().decode(base64Key), "HmacSHA256"));
    return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
