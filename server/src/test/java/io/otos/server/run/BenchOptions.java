package io.otos.server.run;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The options of `./otos bench`, with their defaults. {@code against}: another checkout, built,
 * whose server runs beside this one's ({@link AbBench}); {@code againstDevices}: how many devices
 * that server is seeded with, when not as many as this one's.
 */
record BenchOptions(
    int devices,
    int seconds,
    int connections,
    int runs,
    int storm,
    boolean profile,
    boolean quick,
    Optional<Path> against,
    int againstDevices) {

  /**
   * The fewest seeded devices a bench takes: the repeat loads pick among them, and the database's
   * repeat ceiling gives each of its clients a share of them, at least a group's worth.
   */
  static final int MIN_DEVICES = 100;

  static BenchOptions parse(String[] args) {
    int devices = 10_000;
    int seconds = 15;
    int connections = 32;
    int runs = 3;
    int storm = 100_000;
    boolean profile = false;
    boolean quick = false;
    Optional<Path> against = Optional.empty();
    int againstDevices = -1;
    boolean stormGiven = false;
    for (int i = 0; i < args.length; i += 2) {
      if (args[i].equals("--profile") || args[i].equals("--quick")) {
        profile |= args[i].equals("--profile");
        quick |= args[i].equals("--quick");
        i--;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      if (args[i].equals("--against")) {
        against = Optional.of(Path.of(args[i + 1]).toAbsolutePath().normalize());
        continue;
      }
      int value = Integer.parseInt(args[i + 1]);
      switch (args[i]) {
        case "--devices" -> devices = value;
        case "--against-devices" -> againstDevices = value;
        case "--seconds" -> seconds = value;
        case "--connections" -> connections = value;
        case "--runs" -> runs = value;
        case "--storm" -> {
          storm = value;
          stormGiven = true;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (against.isPresent() && (profile || quick || stormGiven)) {
      throw new IllegalArgumentException(
          "--against runs only paired first-time and repeat loads: it takes --devices,"
              + " --against-devices, --seconds, --connections and --runs, not --profile, --quick or"
              + " --storm");
    }
    if (devices < MIN_DEVICES || (againstDevices >= 0 && againstDevices < MIN_DEVICES)) {
      throw new IllegalArgumentException(
          "--devices and --against-devices take at least " + MIN_DEVICES + " seeded devices");
    }
    if (againstDevices >= 0 && against.isEmpty()) {
      throw new IllegalArgumentException("--against-devices needs --against CHECKOUT");
    }
    return new BenchOptions(
        devices,
        seconds,
        connections,
        runs,
        storm,
        profile,
        quick,
        against,
        againstDevices >= 0 ? againstDevices : devices);
  }
}
