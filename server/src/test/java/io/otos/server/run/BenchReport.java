package io.otos.server.run;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What `./otos bench` prints and writes: a table, JSON, and an SVG chart of latency vs load. */
final class BenchReport {

  private BenchReport() {}

  /**
   * First-time is divided by the database ceiling of one provisioning a transaction, repeat by that
   * of repeat auths in OTOS's groups.
   */
  static String table(
      Map<String, Wrk.Result> medians,
      Wrk.Result framework,
      Pgbench.Result database,
      Pgbench.Result repeatDatabase) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-22s %10s %9s %9s %9s %8s %11s %11s %12s %12s %12s%n",
            "scenario",
            "req/s",
            "p50 ms",
            "p99 ms",
            "p99.9 ms",
            "errors",
            "÷framework",
            "÷database",
            "OTOS CPU ms",
            "PG CPU ms",
            "load CPU ms"));
    for (Wrk.Result r : medians.values()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-22s %10.0f %9.1f %9.1f %9.1f %8d %11.2f %11s %12s %12s %12s%n",
              r.scenario(),
              r.throughput(),
              r.p50Micros() / 1000.0,
              r.p99Micros() / 1000.0,
              r.p999Micros() / 1000.0,
              r.non2xx() + r.socketErrors(),
              r.throughput() / framework.throughput(),
              ratioToDatabase(r, database, repeatDatabase),
              millis(r.cpu().serverMillisPerRequest()),
              millis(r.cpu().databaseMillisPerRequest()),
              millis(r.cpu().generatorMillisPerRequest())));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%-22s %10.0f %9.1f %9.1f %9.1f %8d %11s %11s %12s %12s %12s%n",
            "framework ceiling",
            framework.throughput(),
            framework.p50Micros() / 1000.0,
            framework.p99Micros() / 1000.0,
            framework.p999Micros() / 1000.0,
            framework.non2xx() + framework.socketErrors(),
            "1.00",
            "-",
            millis(framework.cpu().serverMillisPerRequest()),
            "-",
            millis(framework.cpu().generatorMillisPerRequest())));
    out.append(
        databaseRow(
            "database ceiling",
            database,
            String.format(Locale.ROOT, "%.1f", database.meanMillis())));
    out.append(databaseRow("database, repeat", repeatDatabase, "-"));
    out.append(
        String.format(
            Locale.ROOT,
            "(p50 of the database ceiling is pgbench's mean latency; \"database, repeat\" counts"
                + " devices, in transactions of %d at %d at once, as OTOS groups them; CPU ms: CPU"
                + " time per request or device, of the server's JVM, of PostgreSQL's processes,"
                + " and of the load generator: wrk, or pgbench for the database ceilings)%n",
            repeatDatabase.devices(),
            repeatDatabase.clients()));
    return out.toString();
  }

  /** A database ceiling's row: its devices a second, and pgbench's mean latency where given. */
  private static String databaseRow(String name, Pgbench.Result ceiling, String p50) {
    return String.format(
        Locale.ROOT,
        "%-22s %10.0f %9s %9s %9s %8s %11s %11s %12s %12s %12s%n",
        name,
        ceiling.devicesPerSecond(),
        p50,
        "-",
        "-",
        "-",
        "-",
        "1.00",
        "-",
        millis(ceiling.cpu().databaseMillisPerRequest()),
        millis(ceiling.cpu().generatorMillisPerRequest()));
  }

  private static String ratioToDatabase(
      Wrk.Result r, Pgbench.Result database, Pgbench.Result repeatDatabase) {
    Pgbench.Result ceiling =
        r.scenario().startsWith("first-time")
            ? database
            : r.scenario().startsWith("repeat") ? repeatDatabase : null;
    return ceiling == null
        ? "-"
        : String.format(Locale.ROOT, "%.2f", r.throughput() / ceiling.devicesPerSecond());
  }

  /**
   * What a load cost a request, for the line printed after it: "OTOS 0.57 (JIT 0.04), PostgreSQL
   * 0.53, wrk 0.04; machine 98% busy", the generator under its own name.
   */
  static String cpuPerRequest(CpuMeter.Usage usage, String generator) {
    return String.format(
        Locale.ROOT,
        "OTOS %s (JIT %s), PostgreSQL %s, %s %s; machine %s busy",
        millis(usage.serverMillisPerRequest()),
        millis(usage.compilerMillisPerRequest()),
        millis(usage.databaseMillisPerRequest()),
        generator,
        millis(usage.generatorMillisPerRequest()),
        percent(usage.machineBusy()));
  }

  /** Milliseconds to two decimals, or "-" when not measured. */
  static String millis(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }

  /** A share as a whole percentage, or "-" when not measured. */
  static String percent(double share) {
    return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  static void writeJson(
      Path file,
      Map<String, String> machine,
      Map<String, List<Wrk.Result>> runs,
      List<Pgbench.Result> database,
      List<Pgbench.Result> repeatDatabase,
      List<Wrk.Result> sweep)
      throws IOException {
    var json = Json.createObjectBuilder();
    var about = Json.createObjectBuilder();
    machine.forEach(about::add);
    json.add("machine", about);
    var scenarios = Json.createObjectBuilder();
    runs.forEach((name, results) -> scenarios.add(name, array(results)));
    json.add("scenarios", scenarios);
    json.add("database_ceiling", ceilings(database));
    json.add("database_ceiling_repeat", ceilings(repeatDatabase));
    json.add("latency_vs_load", array(sweep));
    Files.writeString(file, json.build().toString());
  }

  private static JsonArrayBuilder ceilings(List<Pgbench.Result> runs) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    runs.forEach(
        d ->
            array.add(
                Json.createObjectBuilder()
                    .add("clients", d.clients())
                    .add("devices_per_transaction", d.devices())
                    .add("tps", d.tps())
                    .add("devices_per_second", d.devicesPerSecond())
                    .add("mean_ms", d.meanMillis())
                    .add("cpu", cpu(d.cpu()))));
    return array;
  }

  private static JsonArrayBuilder array(List<Wrk.Result> results) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (Wrk.Result r : results) {
      array.add(
          Json.createObjectBuilder()
              .add("connections", r.connections())
              .add("requests", r.requests())
              .add("seconds", r.seconds())
              .add("throughput", r.throughput())
              .add("non_2xx", r.non2xx())
              .add("socket_errors", r.socketErrors())
              .add("p50_ms", r.p50Micros() / 1000.0)
              .add("p99_ms", r.p99Micros() / 1000.0)
              .add("p999_ms", r.p999Micros() / 1000.0)
              .add("max_ms", r.maxMicros() / 1000.0)
              .add("cpu", cpu(r.cpu())));
    }
    return array;
  }

  /** CPU per request; JSON has no NaN, so what was not measured is null. */
  static JsonObjectBuilder cpu(CpuMeter.Usage usage) {
    var json = Json.createObjectBuilder();
    addOrNull(json, "server_ms_per_request", usage.serverMillisPerRequest());
    addOrNull(json, "server_jit_ms_per_request", usage.compilerMillisPerRequest());
    addOrNull(json, "database_ms_per_request", usage.databaseMillisPerRequest());
    addOrNull(json, "generator_ms_per_request", usage.generatorMillisPerRequest());
    addOrNull(json, "machine_busy", usage.machineBusy());
    return json;
  }

  private static void addOrNull(JsonObjectBuilder json, String name, double value) {
    if (Double.isNaN(value)) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }

  /** Latency percentiles (log scale) against throughput, one point per concurrency of the sweep. */
  static void writeSvg(Path file, List<Wrk.Result> sweep) throws IOException {
    List<Wrk.Result> points =
        sweep.stream().sorted(Comparator.comparingInt(Wrk.Result::connections)).toList();
    double maxX = points.stream().mapToDouble(Wrk.Result::throughput).max().orElse(1) * 1.1;
    double maxMs = points.stream().mapToLong(Wrk.Result::p999Micros).max().orElse(1000) / 1000.0;
    double top = Math.pow(10, Math.ceil(Math.log10(Math.max(maxMs, 1))));
    int w = 640;
    int h = 400;
    int left = 60;
    int bottom = 340;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif'"
                + " font-size='12'>%n<rect width='100%%' height='100%%' fill='white'/>%n",
            w,
            h));
    svg.append(
        "<text x='320' y='20' text-anchor='middle'>POST /api/v1/device/auth, mix 20% new: latency"
            + " percentiles against throughput</text>\n");
    svg.append(
        String.format(
            "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>%n",
            left, bottom, w - 20, bottom));
    svg.append(
        String.format(
            "<line x1='%d' y1='40' x2='%d' y2='%d' stroke='black'/>%n", left, left, bottom));
    for (double ms = 0.1; ms <= top; ms *= 10) {
      double y = y(ms, top, bottom);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#ddd'/><text x='%d' y='%.1f'"
                  + " text-anchor='end'>%s ms</text>%n",
              left,
              y,
              w - 20,
              y,
              left - 4,
              y + 4,
              ms < 1 ? String.format(Locale.ROOT, "%.1f", ms) : String.format("%.0f", ms)));
    }
    double step = niceStep(maxX / 4);
    for (int i = 0; i * step <= maxX; i++) {
      double rps = i * step;
      double x = x(rps, maxX, left, w);
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%.1f' y='%d' text-anchor='middle'>%.0f</text>%n",
              x,
              bottom + 16,
              rps));
    }
    svg.append(
        String.format(
            "<text x='%d' y='%d' text-anchor='middle'>requests per second (c: connections)</text>%n",
            (left + w) / 2, bottom + 36));
    for (Wrk.Result p : points) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%.1f' y='%.1f' font-size='10' fill='#555'>c=%d</text>%n",
              x(p.throughput(), maxX, left, w) + 3,
              y(p.p999Micros() / 1000.0, top, bottom) - 4,
              p.connections()));
    }
    String[][] series = {{"p50", "#1f77b4"}, {"p99", "#ff7f0e"}, {"p99.9", "#d62728"}};
    for (int s = 0; s < series.length; s++) {
      StringBuilder line = new StringBuilder();
      for (Wrk.Result p : points) {
        long micros = s == 0 ? p.p50Micros() : s == 1 ? p.p99Micros() : p.p999Micros();
        line.append(
            String.format(
                Locale.ROOT,
                "%.1f,%.1f ",
                x(p.throughput(), maxX, left, w),
                y(micros / 1000.0, top, bottom)));
      }
      svg.append(
          String.format(
              "<polyline fill='none' stroke='%s' stroke-width='2' points='%s'/>%n",
              series[s][1], line.toString().strip()));
      svg.append(
          String.format(
              "<text x='%d' y='%d' fill='%s'>%s</text>%n",
              left + 10, 50 + 14 * s, series[s][1], series[s][0]));
    }
    svg.append("</svg>\n");
    Files.writeString(file, svg);
  }

  /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
  private static double niceStep(double rough) {
    double power = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1))));
    for (double factor : new double[] {1, 2, 5, 10}) {
      if (factor * power >= rough) {
        return factor * power;
      }
    }
    return 10 * power;
  }

  private static double x(double rps, double maxX, int left, int width) {
    return left + (width - 20 - left) * rps / maxX;
  }

  /** Log scale from 0.1 ms at the bottom to {@code top} ms at y = 40. */
  private static double y(double ms, double top, int bottom) {
    double low = Math.log10(0.1);
    double high = Math.log10(top);
    double v = Math.log10(Math.max(ms, 0.1));
    return bottom - (bottom - 40) * (v - low) / (high - low);
  }
}
