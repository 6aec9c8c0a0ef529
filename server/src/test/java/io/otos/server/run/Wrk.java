package io.otos.server.run;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs wrk, the load generator, as a process of its own, and reads what its script reports. */
final class Wrk {

  private final Path scripts;

  /** {@code scripts}: where the Lua scripts are unpacked. */
  Wrk(Path scripts) throws IOException {
    this.scripts = Files.createDirectories(scripts);
    for (String name : List.of("auth.lua")) {
      try (InputStream script = Wrk.class.getResourceAsStream("/bench/" + name)) {
        Files.copy(
            script, scripts.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** One load: what was sent and how it went. */
  record Result(
      String scenario,
      int connections,
      long requests,
      double seconds,
      long non2xx,
      long socketErrors,
      long p50Micros,
      long p99Micros,
      long p999Micros,
      long maxMicros,
      CpuMeter.Usage cpu)
      implements CpuMeter.Metered<Result> {

    /** Successful requests a second: errors answered fast must not count as speed. */
    double throughput() {
      return (requests - non2xx) / seconds;
    }

    /** The same load, with what its requests cost in CPU. */
    @Override
    public Result withCpu(CpuMeter.Usage usage) {
      return new Result(
          scenario,
          connections,
          requests,
          seconds,
          non2xx,
          socketErrors,
          p50Micros,
          p99Micros,
          p999Micros,
          maxMicros,
          usage);
    }
  }

  /**
   * Loads {@code url} for {@code seconds} from {@code connections} connections with a script, the
   * template secret (handed over in the environment, not on the command line, which {@code ps}
   * shows) and the script's arguments.
   */
  Result run(
      String scenario,
      String url,
      int connections,
      int seconds,
      String script,
      String secret,
      String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t" + Math.min(2, connections),
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "-s",
                scripts.resolve(script).toString(),
                url,
                "--"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("OTOS_BENCH_SECRET", secret);
    Process wrk = builder.start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IOException("wrk failed:\n" + output);
    }
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("BENCH-RESULT "))
            .findFirst()
            .orElseThrow(() -> new IOException("wrk printed no result:\n" + output));
    JsonObject json =
        Json.createReader(new StringReader(line.substring("BENCH-RESULT ".length()))).readObject();
    return new Result(
        scenario,
        connections,
        json.getJsonNumber("requests").longValue(),
        json.getJsonNumber("duration_us").longValue() / 1e6,
        json.getJsonNumber("non_2xx").longValue(),
        json.getJsonNumber("socket_errors").longValue(),
        json.getJsonNumber("p50_us").longValue(),
        json.getJsonNumber("p99_us").longValue(),
        json.getJsonNumber("p999_us").longValue(),
        json.getJsonNumber("max_us").longValue(),
        CpuMeter.Usage.UNKNOWN);
  }
}
