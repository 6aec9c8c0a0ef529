package io.otos.server.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * `./otos bench --against CHECKOUT`: this checkout's server (A) and another checkout's (B, built by
 * its own `./otos build`) run at the same time, each on a PostgreSQL of its own, and are loaded in
 * turn. On a host whose speed drifts between two runs by more than a change moves it, only loads
 * taken side by side, seconds apart, tell the change. With {@code --against-devices} B is seeded
 * with another number of devices than A: against its own checkout, that compares one build at two
 * scales the same way.
 *
 * <p>Both warm up in alternating rounds. Then {@code --runs} pairs of first-time loads and of
 * repeat loads of {@code --seconds} each, A first in odd pairs and B first in even ones. A pair is
 * won by the server that answered more requests, and, apart, by the one that spent less CPU on
 * each, and by the one with the lower p99; a change is a speed-up where it wins every pair. Each
 * pair also has an open loop at {@value #OPEN_LOOP_RATE} requests a second (the mix, latency from
 * when each request was due), won by the lower p99: latency at a load both can carry.
 */
final class AbBench {

  /** Warm-up rounds of each server, alternating: 4 minutes of load each. */
  private static final int WARM_UP_ROUNDS = 16;

  /** The open loop's rate: the target's, below what either server saturates at on two cores. */
  private static final int OPEN_LOOP_RATE = 1000;

  private record Side(BenchServer server, String secret, CpuMeter cpu, int devices) {

    String authUrl() {
      return server.base + "/api/v1/device/auth";
    }
  }

  /** One scenario's pairs: A's result and B's, pair by pair. */
  private record Pairs(String scenario, List<Wrk.Result> a, List<Wrk.Result> b) {}

  private AbBench() {}

  static int run(Path home, Path other, Path dir, BenchOptions options) throws Exception {
    for (String built : List.of("server/target/otos.war", "server/target/payara-micro.jar")) {
      if (!Files.isRegularFile(other.resolve(built))) {
        System.err.printf(
            "bench: %s has no %s; build it first: (cd %s && ./otos build)%n", other, built, other);
        return 2;
      }
    }
    System.out.printf(
        "bench: A is %s, seeded with %,d devices; B is %s, seeded with %,d%n",
        home, options.devices(), other, options.againstDevices());
    System.out.println("bench: starting both, each with its PostgreSQL (fsync on)");
    try (BenchServer a = BenchServer.start(home, dir.resolve("a"), false, List.of());
        BenchServer b = BenchServer.start(other, dir.resolve("b"), false, List.of())) {
      System.out.printf(
          "bench: ready in %.1f s (A, %s) and %.1f s (B, %s); %d and %d MiB resident%n",
          a.startSeconds,
          a.classArchive.report,
          b.startSeconds,
          b.classArchive.report,
          a.residentMiB,
          b.residentMiB);
      compare(side(a, options.devices()), side(b, options.againstDevices()), dir, options);
      return 0;
    } catch (IOException e) { // a server that did not start (its log is named), or wrk failing
      System.err.println("bench: " + e.getMessage());
      return 1;
    }
  }

  private static Side side(BenchServer server, int devices) throws Exception {
    var template = OtosBench.createTemplate(server.base, server.adminToken);
    long seeding = System.nanoTime();
    OtosBench.seed(server.database, template.getString("id"), devices);
    System.out.printf(
        "bench: seeded %,d devices in %.1f s%n", devices, (System.nanoTime() - seeding) / 1e9);
    return new Side(
        server,
        template.getString("template_secret"),
        new CpuMeter(server.pid(), server.postgres),
        devices);
  }

  private static void compare(Side a, Side b, Path dir, BenchOptions options) throws Exception {
    Wrk wrk = new Wrk(dir.resolve("scripts"));
    System.out.printf(
        "bench: warming both up, %d rounds of %d s each, alternating (mix 20%% new)%n",
        WARM_UP_ROUNDS, WarmUp.WARM_UP_ROUND);
    for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
      String tag = "warm-" + UUID.randomUUID().toString().substring(0, 8);
      Wrk.Result ra = load(wrk, a, "warm-up", WarmUp.WARM_UP_ROUND, tag, "20", options);
      Wrk.Result rb = load(wrk, b, "warm-up", WarmUp.WARM_UP_ROUND, tag, "20", options);
      System.out.printf("  round %2d: A %s | B %s%n", round, brief(ra), brief(rb));
    }
    List<Pairs> scenarios =
        List.of(
            new Pairs("first-time", new ArrayList<>(), new ArrayList<>()),
            new Pairs("repeat", new ArrayList<>(), new ArrayList<>()));
    System.out.printf(
        "bench: %d pairs of %d s loads, %d connections; A first in odd pairs%n",
        options.runs(), options.seconds(), options.connections());
    List<OpenLoop.Result> openA = new ArrayList<>();
    List<OpenLoop.Result> openB = new ArrayList<>();
    for (int pair = 1; pair <= options.runs(); pair++) {
      String tag = "p" + pair + "-" + UUID.randomUUID().toString().substring(0, 8);
      for (Pairs scenario : scenarios) {
        boolean fresh = scenario.scenario().equals("first-time");
        String numbers = fresh ? "new-" + tag : "none";
        String percentNew = fresh ? "100" : "0";
        Map<Side, Wrk.Result> results = new HashMap<>();
        for (Side side : inPairOrder(pair, a, b)) {
          results.put(
              side,
              load(
                  wrk, side, scenario.scenario(), options.seconds(), numbers, percentNew, options));
        }
        Wrk.Result ra = results.get(a);
        Wrk.Result rb = results.get(b);
        scenario.a().add(ra);
        scenario.b().add(rb);
        System.out.printf(
            "  pair %d %-10s A %s | B %s | A/B %.2f%n",
            pair, scenario.scenario(), brief(ra), brief(rb), ra.throughput() / rb.throughput());
      }
      Map<Side, OpenLoop.Result> open = new HashMap<>();
      for (Side side : inPairOrder(pair, a, b)) {
        open.put(side, openLoop(side, "open-" + tag, options));
      }
      openA.add(open.get(a));
      openB.add(open.get(b));
      System.out.printf(
          "  pair %d open %-5d A %s | B %s%n",
          pair, OPEN_LOOP_RATE, brief(open.get(a)), brief(open.get(b)));
    }
    for (Pairs scenario : scenarios) {
      System.out.println(summary(scenario));
    }
    System.out.printf(
        "bench: open loop at %d/s: %s; %s%n",
        OPEN_LOOP_RATE,
        compared(
            openA, openB, "A had the lower p99 in %d of %d", OpenLoop.Result::p99Micros, false),
        compared(openA, openB, "the lower p50 in %d of %d", OpenLoop.Result::p50Micros, false));
  }

  /** A first in odd pairs, B first in even ones. */
  private static List<Side> inPairOrder(int pair, Side a, Side b) {
    return pair % 2 == 1 ? List.of(a, b) : List.of(b, a);
  }

  private static OpenLoop.Result openLoop(Side side, String tag, BenchOptions options)
      throws Exception {
    return side.cpu()
        .metered(
            () ->
                OpenLoop.run(
                    side.authUrl(),
                    side.secret(),
                    tag,
                    side.devices(),
                    OPEN_LOOP_RATE,
                    options.seconds()));
  }

  private static String brief(OpenLoop.Result result) {
    return String.format(
        "%5.0f answered/s p50 %s p99 %s%s",
        result.achieved(),
        OpenLoop.ms(result.p50Micros()),
        OpenLoop.ms(result.p99Micros()),
        result.failed() > 0 ? ", ERRORS" : "");
  }

  private static Wrk.Result load(
      Wrk wrk,
      Side side,
      String scenario,
      int seconds,
      String numbers,
      String percentNew,
      BenchOptions options)
      throws Exception {
    return side.cpu()
        .metered(
            () ->
                wrk.run(
                    scenario,
                    side.authUrl(),
                    options.connections(),
                    seconds,
                    "auth.lua",
                    side.secret(),
                    numbers,
                    "seed",
                    String.valueOf(side.devices()),
                    percentNew));
  }

  private static String brief(Wrk.Result result) {
    CpuMeter.Usage cpu = result.cpu();
    String errors = result.non2xx() + result.socketErrors() > 0 ? ", ERRORS" : "";
    return String.format(
        "%5.0f req/s p99 %5.1f ms %s ms/req (JIT %s)%s",
        result.throughput(),
        result.p99Micros() / 1000.0,
        BenchReport.millis(cpu.serverMillisPerRequest()),
        BenchReport.percent(cpu.compilerMillisPerRequest() / cpu.serverMillisPerRequest()),
        errors);
  }

  /**
   * Pairs won by A, by throughput, by CPU a request and by p99, and the median of A's ratio to B in
   * each.
   */
  private static String summary(Pairs pairs) {
    return String.format(
        "bench: %s: %s; %s; %s",
        pairs.scenario(),
        compared(
            pairs.a(),
            pairs.b(),
            "A answered more in %d of %d pairs",
            Wrk.Result::throughput,
            true),
        compared(
            pairs.a(),
            pairs.b(),
            "A spent less CPU a request in %d of %d",
            result -> result.cpu().serverMillisPerRequest(),
            false),
        compared(
            pairs.a(), pairs.b(), "A had the lower p99 in %d of %d", Wrk.Result::p99Micros, false));
  }

  /**
   * In how many pairs A did better by {@code measure} (more of it, or less), and the median of A's
   * measure over B's.
   */
  private static <T> String compared(
      List<T> resultsA,
      List<T> resultsB,
      String wonIn,
      ToDoubleFunction<T> measure,
      boolean moreIsBetter) {
    int n = resultsA.size();
    int wonByA = 0;
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double a = measure.applyAsDouble(resultsA.get(i));
      double b = measure.applyAsDouble(resultsB.get(i));
      wonByA += (moreIsBetter ? a > b : a < b) ? 1 : 0;
      ratios.add(a / b);
    }
    return String.format(wonIn + " (A/B median %.2f)", wonByA, n, median(ratios));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
