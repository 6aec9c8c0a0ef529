package io.otos.server.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Where a load's CPU went: the server's JVM, the PostgreSQL processes (the postmaster and its
 * backends, including those that ended meanwhile), the load generator (this bench's JVM, which runs
 * the open loop and the storm, and the wrk and pgbench processes it started and has waited for),
 * and the whole machine, read from Linux's {@code /proc}. Divided by the requests answered, it says
 * how many milliseconds of CPU one request costs in each, which the throughput alone cannot tell on
 * a machine whose cores all of them share.
 */
final class CpuMeter {

  /** Linux's clock ticks a second ({@code getconf CLK_TCK}), 100 on every common build. */
  private static final double TICKS_PER_SECOND = 100;

  private final long serverPid;
  private final Path postmasterPidFile;

  CpuMeter(long serverPid, Path postgresDataDirectory) {
    this.serverPid = serverPid;
    this.postmasterPidFile = postgresDataDirectory.resolve("postmaster.pid");
  }

  /** The result of a load that can carry what its requests cost. */
  interface Metered<R> {

    /** Requests (or transactions) answered. */
    long requests();

    R withCpu(Usage usage);
  }

  /** A load, with what it cost the server and the database in CPU. */
  <R extends Metered<R>> R metered(Callable<R> load) throws Exception {
    Sample before = sample();
    int backends = backends();
    R result = load.call();
    Sample after = sample();
    if (after != null) {
      after = after.withDatabase(settledDatabaseTicks(backends, after.database()));
    }
    return result.withCpu(since(before, after, result.requests()));
  }

  /**
   * PostgreSQL's CPU once the backends the load opened have ended: a backend that has exited but is
   * not yet reaped counts neither among the postmaster's children nor in its reaped children's CPU,
   * so a sample taken meanwhile misses all it spent. pgbench's backends end with their load, and a
   * sample right after it read 0.00–0.12 ms a device where the machine was 82 % busy with
   * PostgreSQL. Waits at most a second for the children to be as few as before the load (a pool
   * that grew keeps its connections), then reads again.
   */
  private long settledDatabaseTicks(int backendsBefore, long ticksNow) {
    try {
      long deadline = System.nanoTime() + 1_000_000_000L;
      while (backends() > backendsBefore && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      return databaseTicks(postmaster());
    } catch (IOException | RuntimeException unreadable) {
      return ticksNow;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ticksNow;
    }
  }

  private int backends() {
    try {
      return children(postmaster()).size();
    } catch (IOException | RuntimeException unreadable) {
      return 0;
    }
  }

  private long postmaster() throws IOException {
    return Long.parseLong(Files.readAllLines(postmasterPidFile).get(0).trim());
  }

  /**
   * CPU ticks used so far: by the server (and, of those, by its JIT compiler threads), by
   * PostgreSQL, by the load generator, and by the machine (busy and in all).
   */
  record Sample(
      long server,
      long compiler,
      long database,
      long generator,
      long machineBusy,
      long machineAll) {

    Sample withDatabase(long ticks) {
      return new Sample(server, compiler, ticks, generator, machineBusy, machineAll);
    }
  }

  /**
   * What one load cost, per request answered, and how busy the machine was meanwhile. The server's
   * share includes its JIT compiler's, also given apart: while it is high the server is not warm.
   * The generator's is what sending the load cost, on the same cores.
   */
  record Usage(
      double serverMillisPerRequest,
      double compilerMillisPerRequest,
      double databaseMillisPerRequest,
      double generatorMillisPerRequest,
      double machineBusy) {

    static final Usage UNKNOWN =
        new Usage(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  /** Now; {@code null} when {@code /proc} cannot be read (not Linux), so nothing is measured. */
  private Sample sample() {
    try {
      return new Sample(
          ticks(serverPid, false),
          compilerTicks(serverPid),
          databaseTicks(postmaster()),
          ticks(ProcessHandle.current().pid(), true),
          machine(true),
          machine(false));
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }

  /** The CPU used from {@code before} to {@code after}, over {@code requests} requests. */
  private static Usage since(Sample before, Sample after, long requests) {
    if (before == null || after == null || requests <= 0) {
      return Usage.UNKNOWN;
    }
    double millis = 1000 / TICKS_PER_SECOND;
    long all = after.machineAll() - before.machineAll();
    return new Usage(
        (after.server() - before.server()) * millis / requests,
        (after.compiler() - before.compiler()) * millis / requests,
        (after.database() - before.database()) * millis / requests,
        (after.generator() - before.generator()) * millis / requests,
        all == 0 ? Double.NaN : (double) (after.machineBusy() - before.machineBusy()) / all);
  }

  private static long databaseTicks(long postmaster) throws IOException {
    long total = ticks(postmaster, true);
    for (long child : children(postmaster)) {
      total += ticksOrZero(child);
    }
    return total;
  }

  private static List<Long> children(long parent) throws IOException {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .map(p -> p.getFileName().toString())
          .filter(name -> name.chars().allMatch(Character::isDigit))
          .map(Long::parseLong)
          .filter(pid -> parentOf(pid) == parent)
          .toList();
    }
  }

  /** The JVM's JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre"), from their names. */
  private static long compilerTicks(long pid) throws IOException {
    long total = 0;
    try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path thread : threads.toList()) {
        try {
          if (Files.readString(thread.resolve("comm")).matches("C\\d CompilerThre.*\\s*")) {
            String[] fields = fieldsAfterName(thread.resolve("stat"));
            total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          }
        } catch (IOException ended) {
          // the thread ended meanwhile
        }
      }
    }
    return total;
  }

  /**
   * utime + stime of a process; with {@code reaped}, also that of its ended and reaped children
   * (cutime + cstime).
   */
  private static long ticks(long pid, boolean reaped) throws IOException {
    String[] fields = fieldsAfterName(pid);
    long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return reaped ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
  }

  private static long ticksOrZero(long pid) {
    try {
      return ticks(pid, false);
    } catch (IOException | RuntimeException ended) {
      return 0;
    }
  }

  private static long parentOf(long pid) {
    try {
      return Long.parseLong(fieldsAfterName(pid)[1]);
    } catch (IOException | RuntimeException ended) {
      return -1;
    }
  }

  /**
   * The fields of {@code /proc/PID/stat} after the command name, which may itself hold spaces and
   * parentheses: [0] is the state, [1] the parent, [11] utime, [12] stime, [13] cutime, [14]
   * cstime.
   */
  private static String[] fieldsAfterName(long pid) throws IOException {
    return fieldsAfterName(Path.of("/proc", String.valueOf(pid), "stat"));
  }

  /** The same, of a process's or a thread's ({@code /proc/PID/task/TID/stat}) stat file. */
  private static String[] fieldsAfterName(Path stat) throws IOException {
    String line = Files.readString(stat);
    return line.substring(line.lastIndexOf(')') + 2).split(" ");
  }

  /** The first line of {@code /proc/stat}: busy ticks (all but idle and iowait) or all ticks. */
  private static long machine(boolean busyOnly) throws IOException {
    String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long all = 0;
    long idle = 0;
    for (int i = 1; i < cpu.length && i <= 8; i++) {
      long value = Long.parseLong(cpu[i]);
      all += value;
      if (i == 4 || i == 5) {
        idle += value;
      }
    }
    return busyOnly ? all - idle : all;
  }
}
