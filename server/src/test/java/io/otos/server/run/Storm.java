package io.otos.server.run;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fleet powering on: {@code devices} new devices provision through {@code clients} concurrent
 * clients (a thread each), each retrying as firmware should after a 429 or 503 (after {@code
 * Retry-After}, at most 10 s) or a broken connection. With {@code copies} of 2, every number is
 * sent by two clients at the same moment, as by a device that retries while its first request is
 * still on its way: both must get the same device. Each client keeps its connection ({@link
 * LoopbackHttp}). Runs in the bench's process, not in the server's.
 */
final class Storm {

  private static final Pattern DEVICE_ID = Pattern.compile("\"device_id\":\"([0-9a-f-]{36})\"");
  private static final int MAX_TRIES = 20;

  /**
   * How the storm went; {@code requests} counts every copy's requests of each number, {@code
   * conflicting} the numbers whose copies were answered with different device ids.
   */
  record Result(
      int devices,
      int copies,
      int clients,
      double seconds,
      long requests,
      long retried,
      long failed,
      long provisioned,
      long conflicting,
      CpuMeter.Usage cpu)
      implements CpuMeter.Metered<Result> {

    @Override
    public Result withCpu(CpuMeter.Usage usage) {
      return new Result(
          devices,
          copies,
          clients,
          seconds,
          requests,
          retried,
          failed,
          provisioned,
          conflicting,
          usage);
    }
  }

  private final String secret;
  private final ConcurrentHashMap<String, String> deviceIds = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong conflicting = new AtomicLong();

  private Storm(String secret) {
    this.secret = secret;
  }

  static Result run(
      String authUrl, String secret, String prefix, int devices, int copies, int clients)
      throws InterruptedException {
    Storm storm = new Storm(secret);
    URI url = URI.create(authUrl);
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      Thread client =
          new Thread(
              () -> {
                try (LoopbackHttp http = new LoopbackHttp(url)) {
                  // A number's copies in a row: as many clients take it at once.
                  for (int i = next.getAndIncrement();
                      i < copies * devices;
                      i = next.getAndIncrement()) {
                    storm.provision(http, prefix + "-" + i / copies);
                  }
                }
              },
              "storm-client-" + c);
      client.start();
      threads.add(client);
    }
    for (Thread client : threads) {
      client.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(
        devices,
        copies,
        clients,
        seconds,
        storm.requests.get(),
        storm.retried.get(),
        storm.failed.get(),
        storm.deviceIds.size(),
        storm.conflicting.get(),
        CpuMeter.Usage.UNKNOWN);
  }

  private void provision(LoopbackHttp http, String number) {
    String body = "{\"template_secret\":\"" + secret + "\",\"device_number\":\"" + number + "\"}";
    for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
      requests.incrementAndGet();
      long retryAfterSeconds;
      try {
        LoopbackHttp.Answer answer = http.post(body, true);
        if (answer.status() == 200) {
          Matcher id = DEVICE_ID.matcher(answer.body());
          if (id.find()) {
            String earlier = deviceIds.putIfAbsent(number, id.group(1));
            if (earlier != null && !earlier.equals(id.group(1))) {
              conflicting.incrementAndGet();
            }
            return;
          }
        }
        if (answer.status() != 429 && answer.status() != 503) {
          failed.incrementAndGet();
          return;
        }
        retryAfterSeconds = Math.min(10, Math.max(1, answer.retryAfterSeconds()));
      } catch (IOException broken) {
        retryAfterSeconds = 1;
      }
      retried.incrementAndGet();
      try {
        Thread.sleep(retryAfterSeconds * 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    failed.incrementAndGet();
  }
}
