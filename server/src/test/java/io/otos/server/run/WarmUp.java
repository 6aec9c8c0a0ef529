package io.otos.server.run;

import java.util.UUID;

/** Loads the server until it is warm, before `./otos bench` measures it. */
final class WarmUp {

  /** Seconds of one warm-up round. */
  static final int WARM_UP_ROUND = 15;

  /** The fewest and the most warm-up rounds of OTOS (3 to 6 minutes), and of the no-op ceiling. */
  static final Warming OTOS = new Warming("OTOS", 12, 24);

  static final Warming NOOP = new Warming("the no-op ceiling", 4, 8);

  /** The JIT compiler's largest share of the server's CPU in a round that counts as warm. */
  static final double MAX_COMPILER_SHARE = 0.05;

  /** How long to warm one endpoint up: {@code minRounds} to {@code maxRounds} rounds. */
  record Warming(String what, int minRounds, int maxRounds) {}

  private WarmUp() {}

  /**
   * Loads the server until it is warm: Payara's code is large and on two cores the JIT keeps making
   * it cheaper for minutes. Interleaved runs of two servers showed the CPU per request falling from
   * 3-6 ms to 1.0-1.7 ms over the first four to six minutes of load, and throughput doubling, while
   * single rounds already looked settled after one minute. So: rounds of {@link #WARM_UP_ROUND}
   * seconds, at least {@code warming.minRounds()}, then until a round's CPU per request is within 5
   * % of the lowest so far and the JIT compiler takes less than 5 % of it; at most {@code
   * warming.maxRounds()}. (CPU per request alone settled for a round while the JIT still took 12 %,
   * and the first measured run then cost 0.9 ms a request against 0.5 ms in the third.)
   */
  static void run(
      Wrk wrk,
      CpuMeter cpu,
      Warming warming,
      String url,
      String percentNew,
      int connections,
      String secret,
      String seeded)
      throws Exception {
    System.out.printf(
        "bench: warming %s up (%d s rounds, %d to %d of them)%n",
        warming.what(), WARM_UP_ROUND, warming.minRounds(), warming.maxRounds());
    double lowest = Double.POSITIVE_INFINITY;
    for (int round = 1; round <= warming.maxRounds(); round++) {
      String tag = "warm-" + UUID.randomUUID().toString().substring(0, 8);
      Wrk.Result result =
          cpu.metered(
              () ->
                  wrk.run(
                      "warm-up",
                      url,
                      connections,
                      WARM_UP_ROUND,
                      "auth.lua",
                      secret,
                      tag,
                      "seed",
                      seeded,
                      percentNew));
      CpuMeter.Usage usage = result.cpu();
      double perRequest = usage.serverMillisPerRequest();
      System.out.printf(
          "  warm-up round %d: %.0f req/s, server CPU %s ms/req of which JIT %s%n",
          round,
          result.throughput(),
          BenchReport.millis(perRequest),
          BenchReport.percent(usage.compilerMillisPerRequest() / perRequest));
      // also when not measured (NaN)
      boolean settled =
          !(perRequest < lowest * 0.95)
              && !(usage.compilerMillisPerRequest() >= perRequest * MAX_COMPILER_SHARE);
      if (round >= warming.minRounds() && settled) {
        return;
      }
      lowest = Math.min(lowest, perRequest);
    }
  }
}
