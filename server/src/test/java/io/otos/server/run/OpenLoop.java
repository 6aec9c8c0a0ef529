package io.otos.server.run;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load: requests are sent on a fixed schedule, {@code rate} a second, whether or not
 * earlier ones were answered, as a fleet does; each latency is counted from the moment its request
 * was due, so a server that falls behind shows it (no coordinated omission, unlike wrk's closed
 * loop). At most {@link #MAX_IN_FLIGHT} requests are in flight; a request that finds no room waits,
 * and its wait counts. Percentiles are of the answers 200; the others are counted as failed. Above
 * what the server can answer, the latencies measure how long the queue has grown, so they grow with
 * the length of the load. Repeat auths of seeded devices, with 20 % new numbers, as wrk's mix. Runs
 * in the bench's process, not in the server's.
 */
final class OpenLoop {

  static final int MAX_IN_FLIGHT = 512;

  /** How a load at {@code rate} a second went: latencies from the due time, in microseconds. */
  record Result(
      int rate,
      double seconds,
      long sent,
      long ok,
      long failed,
      long p50Micros,
      long p99Micros,
      long p999Micros,
      long maxMicros) {

    double achieved() {
      return ok / seconds;
    }
  }

  private OpenLoop() {}

  static Result run(String authUrl, String secret, String tag, int seeded, int rate, int seconds)
      throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    int total = rate * seconds;
    long[] latencies = new long[total];
    Arrays.fill(latencies, -1);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicInteger fresh = new AtomicInteger();
    Semaphore room = new Semaphore(MAX_IN_FLIGHT);
    CountDownLatch answered = new CountDownLatch(total);
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      for (long early = due - System.nanoTime(); early > 0; early = due - System.nanoTime()) {
        LockSupport.parkNanos(early);
      }
      room.acquire();
      String number =
          i % 5 == 0
              ? "open-" + tag + "-" + fresh.getAndIncrement()
              : "seed-" + (i * 7919L % seeded);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(authUrl))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"template_secret\":\""
                          + secret
                          + "\",\"device_number\":\""
                          + number
                          + "\"}",
                      StandardCharsets.UTF_8))
              .build();
      int slot = i;
      client
          .sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, error) -> {
                if (error == null && response.statusCode() == 200) {
                  latencies[slot] = (System.nanoTime() - due) / 1_000;
                  ok.incrementAndGet();
                } else {
                  failed.incrementAndGet();
                }
                room.release();
                answered.countDown();
              });
    }
    if (!answered.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          answered.getCount() + " requests at " + rate + "/s still unanswered after 60 s");
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] done = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
    return new Result(
        rate,
        elapsed,
        total,
        ok.get(),
        failed.get(),
        percentile(done, 0.50),
        percentile(done, 0.99),
        percentile(done, 0.999),
        done.length == 0 ? 0 : done[done.length - 1]);
  }

  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** {@code micros} as milliseconds with one decimal, for the table. */
  static String ms(long micros) {
    return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
  }

  /** The loads as a JSON array, for {@code open-loop.json}. */
  static String json(List<Result> results) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (Result r : results) {
      array.add(
          Json.createObjectBuilder()
              .add("offered_per_second", r.rate())
              .add("answered_200_per_second", r.achieved())
              .add("sent", r.sent())
              .add("failed", r.failed())
              .add("p50_ms", r.p50Micros() / 1000.0)
              .add("p99_ms", r.p99Micros() / 1000.0)
              .add("p999_ms", r.p999Micros() / 1000.0)
              .add("max_ms", r.maxMicros() / 1000.0));
    }
    return array.build().toString();
  }
}
