package io.otos.server.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database ceiling: pgbench runs a script of OTOS's SQL ({@code /bench/*.sql}) against the same
 * PostgreSQL: one provisioning a transaction at the concurrency of the load on OTOS, or a group of
 * repeat auths a transaction as many at once as OTOS runs groups.
 */
final class Pgbench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial");
  private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
  private static final Pattern TRANSACTIONS =
      Pattern.compile("number of transactions actually processed: ([0-9]+)");

  /**
   * Transactions done, a second, their mean latency, and what they cost PostgreSQL in CPU; each
   * transaction authenticates {@code devices} devices, and CPU is counted per device.
   */
  record Result(
      int clients,
      int devices,
      long transactions,
      double tps,
      double meanMillis,
      CpuMeter.Usage cpu)
      implements CpuMeter.Metered<Result> {

    @Override
    public long requests() {
      return transactions * devices;
    }

    /** Devices authenticated a second. */
    double devicesPerSecond() {
      return tps * devices;
    }

    @Override
    public Result withCpu(CpuMeter.Usage usage) {
      return new Result(clients, devices, transactions, tps, meanMillis, usage);
    }
  }

  private final Path script;

  /** For the script {@code /bench/<name>}. */
  Pgbench(Path directory, String name) throws IOException {
    this.script = Files.createDirectories(directory).resolve(name);
    try (InputStream sql = Pgbench.class.getResourceAsStream("/bench/" + name)) {
      Files.copy(sql, script, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Runs the script for {@code seconds} from {@code clients} clients, with its variables ({@code
   * -D}); a transaction counts for {@code devices} devices.
   */
  Result run(
      int port, String user, int clients, int devices, int seconds, Map<String, String> variables)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "pgbench",
            "-n",
            "-M",
            "prepared",
            "-h",
            "127.0.0.1",
            "-p",
            String.valueOf(port),
            "-U",
            user,
            "-c",
            String.valueOf(clients),
            "-j",
            "2",
            "-T",
            String.valueOf(seconds)));
    variables.forEach((name, value) -> command.addAll(List.of("-D", name + "=" + value)));
    command.addAll(List.of("-f", script.toString(), "postgres"));
    Process pgbench = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (pgbench.waitFor() != 0) {
      throw new IOException("pgbench failed:\n" + output);
    }
    Matcher tps = TPS.matcher(output);
    Matcher latency = LATENCY.matcher(output);
    Matcher transactions = TRANSACTIONS.matcher(output);
    if (!tps.find() || !latency.find() || !transactions.find()) {
      throw new IOException("pgbench printed no result:\n" + output);
    }
    return new Result(
        clients,
        devices,
        Long.parseLong(transactions.group(1)),
        Double.parseDouble(tps.group(1)),
        Double.parseDouble(latency.group(1)),
        CpuMeter.Usage.UNKNOWN);
  }
}
