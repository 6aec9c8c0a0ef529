package io.otos.server.run;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One OTOS for the bench to load: a PostgreSQL of its own (fsync on, as in production) and Payara
 * Micro running a build's WAR with fresh keys, started and ready. Both stop when it is closed, or
 * when the bench's JVM is asked to end before that (Ctrl-C, or a SIGTERM to the bench alone).
 */
final class BenchServer implements AutoCloseable {

  final EmbeddedDatabase database;

  /** The database's data directory. */
  final Path postgres;

  final PayaraMicroProcess server;
  final String base;
  final String adminToken;
  final String hashKey;
  final double startSeconds;
  final long residentMiB;

  final ClassDataArchive.Use classArchive;

  private final Stop stop;

  private BenchServer(
      EmbeddedDatabase database,
      Path postgres,
      PayaraMicroProcess server,
      String base,
      String adminToken,
      String hashKey,
      double startSeconds,
      Stop stop)
      throws IOException {
    this.database = database;
    this.postgres = postgres;
    this.server = server;
    this.base = base;
    this.adminToken = adminToken;
    this.hashKey = hashKey;
    this.startSeconds = startSeconds;
    this.residentMiB = residentMiB(server.process().pid());
    this.classArchive = server.classArchive();
    this.stop = stop;
  }

  /**
   * Whether the bench was ended (by a signal) while a server ran: its servers are being stopped
   * under the running loads, whose failures then say nothing.
   */
  static boolean endedEarly() {
    return Stop.ENDED_EARLY.get();
  }

  /**
   * Starts the server of {@code build} (a checkout whose {@code server/target} holds the built WAR
   * and Payara Micro), keeping its data in {@code dir}, with {@code moreWars} deployed beside it.
   *
   * @throws IOException naming the server's log, when it did not become ready
   */
  static BenchServer start(Path build, Path dir, boolean countStatements, List<Path> moreWars)
      throws IOException, InterruptedException {
    RunSettings settings =
        RunSettings.from(
            Map.of("OTOS_DATA_DIR", dir.toString(), "OTOS_HTTP_PORT", String.valueOf(freePort())),
            build);
    String hashKey = ServerKeys.random(32);
    String adminToken = ServerKeys.newAdminToken();
    Path postgres = dir.resolve("postgres");
    EmbeddedDatabase database =
        countStatements
            ? EmbeddedDatabase.persistentCountingStatementsIn(postgres)
            : EmbeddedDatabase.persistentIn(postgres);
    Stop stop = new Stop(database);
    try {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("OTOS_DB_URL", database.jdbcUrl());
      env.put("OTOS_DB_USER", database.user());
      env.put("OTOS_HASH_KEY", hashKey);
      env.put("OTOS_SECRET_KEY", ServerKeys.random(32));
      env.put("OTOS_ADMIN_TOKEN", adminToken);
      env.put("OTOS_LIMIT_SOURCE_FAILURES", "0"); // all load comes from one address
      long startedAt = System.nanoTime();
      PayaraMicroProcess server =
          PayaraMicroProcess.start(
              settings,
              build.resolve("server/target/payara-micro.jar"),
              build.resolve("server/target/otos.war"),
              moreWars,
              env);
      stop.server = server;
      String base = settings.baseUrl();
      String failure =
          server.awaitReady(URI.create(base + "/api/v1/admin/templates?limit=1"), adminToken);
      if (failure != null) {
        throw new IOException(failure + "\nbench: log in " + server.log());
      }
      double startSeconds = (System.nanoTime() - startedAt) / 1e9;
      return new BenchServer(
          database, postgres, server, base, adminToken, hashKey, startSeconds, stop);
    } catch (IOException | InterruptedException | RuntimeException e) {
      stop.now();
      throw e;
    }
  }

  long pid() {
    return server.process().pid();
  }

  @Override
  public void close() {
    stop.now();
  }

  /**
   * Stops a bench server's Payara Micro, then its PostgreSQL, once: when the bench is done with it,
   * or from a shutdown hook when the JVM ends first. Without the hook, a bench ended by a signal to
   * its own process (not its terminal's whole group) left both running.
   */
  private static final class Stop {

    private static final AtomicBoolean ENDED_EARLY = new AtomicBoolean();

    private final EmbeddedDatabase database;
    private volatile PayaraMicroProcess server;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Thread atExit =
        new Thread(
            () -> {
              ENDED_EARLY.set(true);
              System.err.println("bench: ended early; stopping its server and database");
              once();
            },
            "otos-bench-stop");

    Stop(EmbeddedDatabase database) {
      this.database = database;
      Runtime.getRuntime().addShutdownHook(atExit);
    }

    /** Stops now, and no longer when the JVM ends. */
    void now() {
      try {
        Runtime.getRuntime().removeShutdownHook(atExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs, or has run: once() below then does nothing
      }
      once();
    }

    private void once() {
      if (done.getAndSet(true)) {
        return;
      }
      try {
        if (server != null) {
          server.stop();
        }
      } finally {
        database.close();
      }
    }
  }

  private static long residentMiB(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
