package io.otos.server.run;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One OTOS for the bench to load: a PostgreSQL of its own (fsync on, as in production) and Payara
 * Micro running a build's WAR with fresh keys, started and ready.
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

  private BenchServer(
      EmbeddedDatabase database,
      Path postgres,
      PayaraMicroProcess server,
      String base,
      String adminToken,
      String hashKey,
      double startSeconds)
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
    PayaraMicroProcess server = null;
    try {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("OTOS_DB_URL", database.jdbcUrl());
      env.put("OTOS_DB_USER", database.user());
      env.put("OTOS_HASH_KEY", hashKey);
      env.put("OTOS_SECRET_KEY", ServerKeys.random(32));
      env.put("OTOS_ADMIN_TOKEN", adminToken);
      env.put("OTOS_LIMIT_SOURCE_FAILURES", "0"); // all load comes from one address
      long startedAt = System.nanoTime();
      server =
          PayaraMicroProcess.start(
              settings,
              build.resolve("server/target/payara-micro.jar"),
              build.resolve("server/target/otos.war"),
              moreWars,
              env);
      String base = settings.baseUrl();
      String failure =
          server.awaitReady(URI.create(base + "/api/v1/admin/templates?limit=1"), adminToken);
      if (failure != null) {
        throw new IOException(failure + "\nbench: log in " + server.log());
      }
      double startSeconds = (System.nanoTime() - startedAt) / 1e9;
      return new BenchServer(database, postgres, server, base, adminToken, hashKey, startSeconds);
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (server != null) {
        server.stop();
      }
      database.close();
      throw e;
    }
  }

  long pid() {
    return server.process().pid();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      database.close();
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
