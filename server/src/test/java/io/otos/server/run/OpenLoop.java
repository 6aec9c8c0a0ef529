package io.otos.server.run;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
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
 * in the bench's process, not in the server's: a thread per connection, each kept alive, the one
 * that answered last sent first ({@link LoopbackHttp}; the JDK's {@code HttpClient} cost as much
 * CPU a request as the server did, on the same cores).
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
      long maxMicros,
      CpuMeter.Usage cpu)
      implements CpuMeter.Metered<Result> {

    double achieved() {
      return ok / seconds;
    }

    /** Every request sent was answered, one way or another, or the load would have thrown. */
    @Override
    public long requests() {
      return sent;
    }

    @Override
    public Result withCpu(CpuMeter.Usage usage) {
      return new Result(
          rate, seconds, sent, ok, failed, p50Micros, p99Micros, p999Micros, maxMicros, usage);
    }
  }

  private OpenLoop() {}

  static Result run(String authUrl, String secret, String tag, int seeded, int rate, int seconds)
      throws InterruptedException {
    URI url = URI.create(authUrl);
    int total = rate * seconds;
    long[] latencies = new long[total];
    Arrays.fill(latencies, -1);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    CountDownLatch answered = new CountDownLatch(total);
    // The client that answered last goes first: as few connections as the load needs stay busy.
    BlockingDeque<Client> idle = new LinkedBlockingDeque<>();
    List<Client> clients = new ArrayList<>();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    int fresh = 0;
    try {
      for (int i = 0; i < total; i++) {
        long due = start + i * interval;
        for (long early = due - System.nanoTime(); early > 0; early = due - System.nanoTime()) {
          LockSupport.parkNanos(early);
        }
        Client client = idle.pollFirst();
        if (client == null && clients.size() < MAX_IN_FLIGHT) {
          client =
              Client.started(
                  url,
                  idle,
                  (slot, dueAt, status) -> {
                    if (status == 200) {
                      latencies[slot] = (System.nanoTime() - dueAt) / 1_000;
                      ok.incrementAndGet();
                    } else {
                      failed.incrementAndGet();
                    }
                    answered.countDown();
                  });
          clients.add(client);
        } else if (client == null) {
          client = idle.takeFirst();
        }
        String number = i % 5 == 0 ? "open-" + tag + "-" + fresh++ : "seed-" + (i * 7919L % seeded);
        client.send(
            new Request(
                i,
                due,
                "{\"template_secret\":\"" + secret + "\",\"device_number\":\"" + number + "\"}"));
      }
      if (!answered.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            answered.getCount() + " requests at " + rate + "/s still unanswered after 60 s");
      }
    } finally {
      clients.forEach(Client::stop);
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
        done.length == 0 ? 0 : done[done.length - 1],
        CpuMeter.Usage.UNKNOWN);
  }

  /** Request {@code slot} of the schedule, due at {@code due} ({@link System#nanoTime()}). */
  private record Request(int slot, long due, String json) {}

  /** What became of a request: its HTTP status, or 0 when the connection broke. */
  @FunctionalInterface
  private interface Outcome {
    void of(int slot, long due, int status);
  }

  /**
   * A thread with one kept-alive connection, sending one request at a time and then offering itself
   * as idle again.
   */
  private static final class Client {

    private final SynchronousQueue<Request> inbox = new SynchronousQueue<>();
    private final Thread thread;

    private Client(URI url, BlockingDeque<Client> idle, Outcome outcome) {
      thread = new Thread(() -> serve(url, idle, outcome), "open-loop-client");
      thread.setDaemon(true);
    }

    static Client started(URI url, BlockingDeque<Client> idle, Outcome outcome) {
      Client client = new Client(url, idle, outcome);
      client.thread.start();
      return client;
    }

    private void serve(URI url, BlockingDeque<Client> idle, Outcome outcome) {
      try (LoopbackHttp http = new LoopbackHttp(url)) {
        while (true) {
          Request r = inbox.take();
          int status;
          try {
            status = http.post(r.json(), false).status();
          } catch (IOException broken) {
            status = 0;
          }
          outcome.of(r.slot(), r.due(), status);
          idle.offerFirst(this);
        }
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
    }

    void send(Request request) throws InterruptedException {
      inbox.put(request);
    }

    void stop() {
      thread.interrupt();
    }
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
              .add("max_ms", r.maxMicros() / 1000.0)
              .add("cpu", BenchReport.cpu(r.cpu())));
    }
    return array.build().toString();
  }
}
