package io.otos.server.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database ceiling: pgbench runs the SQL of one provisioning transaction against the same
 * PostgreSQL, at the same concurrency as the load on OTOS.
 */
final class Pgbench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial");
  private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
  private static final Pattern TRANSACTIONS =
      Pattern.compile("number of transactions actually processed: ([0-9]+)");

  /** Transactions done, a second, their mean latency, and what they cost PostgreSQL in CPU. */
  record Result(int clients, long transactions, double tps, double meanMillis, CpuMeter.Usage cpu)
      implements CpuMeter.Metered<Result> {

    @Override
    public long requests() {
      return transactions;
    }

    @Override
    public Result withCpu(CpuMeter.Usage usage) {
      return new Result(clients, transactions, tps, meanMillis, usage);
    }
  }

  private final Path script;

  Pgbench(Path directory) throws IOException {
    this.script = Files.createDirectories(directory).resolve("provisioning.sql");
    try (InputStream sql = Pgbench.class.getResourceAsStream("/bench/provisioning.sql")) {
      Files.copy(sql, script, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  Result run(int port, String user, int clients, int seconds, String template, String hashHex)
      throws IOException, InterruptedException {
    List<String> command =
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
            String.valueOf(seconds),
            "-D",
            "template=" + template,
            "-D",
            "hash=" + hashHex,
            "-f",
            script.toString(),
            "postgres");
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
        Long.parseLong(transactions.group(1)),
        Double.parseDouble(tps.group(1)),
        Double.parseDouble(latency.group(1)),
        CpuMeter.Usage.UNKNOWN);
  }
}
