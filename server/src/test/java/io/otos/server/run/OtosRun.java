package io.otos.server.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * `./otos run`: the service on this machine, for trying it out and developing it. Starts an
 * embedded PostgreSQL that keeps its data under {@code OTOS_DATA_DIR} (unless {@code OTOS_DB_URL}
 * names another one), then Payara Micro with the WAR; prints where to reach it once the application
 * answers. Ctrl-C stops both.
 */
public final class OtosRun {

  private OtosRun() {}

  public static void main(String[] args) throws Exception {
    quietLogging();
    Path home = Path.of(System.getProperty("otos.home", ".")).toAbsolutePath().normalize();
    RunSettings settings;
    try {
      settings = RunSettings.from(System.getenv(), home);
    } catch (IllegalArgumentException e) {
      System.err.println("otos: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(run(settings));
  }

  private static int run(RunSettings settings) throws Exception {
    Path war = settings.home().resolve("server/target/otos.war");
    Path payaraJar = settings.home().resolve("server/target/payara-micro.jar");
    if (!Files.isRegularFile(war) || !Files.isRegularFile(payaraJar)) {
      System.err.println("otos: " + war + " is missing; build it with `./otos build`");
      return 1;
    }
    if (!portIsFree(settings)) {
      System.err.println(
          "otos: "
              + settings.httpAddress()
              + ":"
              + settings.httpPort()
              + " is in use; stop what listens there or set OTOS_HTTP_PORT");
      return 1;
    }
    Files.createDirectories(settings.dataDir());
    String hashKey =
        settings
            .hashKey()
            .orElseGet(() -> ServerKeys.loadOrCreate(settings.dataDir().resolve("hash.key")));
    String secretKey =
        settings
            .secretKey()
            .orElseGet(() -> ServerKeys.loadOrCreate(settings.dataDir().resolve("secret.key")));
    String adminToken = settings.adminToken().orElseGet(ServerKeys::newAdminToken);

    EmbeddedDatabase database = null;
    Map<String, String> env = new HashMap<>();
    if (settings.dbUrl().isPresent()) {
      env.put("OTOS_DB_URL", settings.dbUrl().get());
      env.put("OTOS_DB_USER", settings.dbUser());
      env.put("OTOS_DB_PASSWORD", settings.dbPassword());
      System.out.println("otos: using the PostgreSQL at OTOS_DB_URL");
    } else {
      System.out.println(
          "otos: starting the embedded PostgreSQL in " + settings.dataDir().resolve("postgres"));
      database = EmbeddedDatabase.persistentIn(settings.dataDir().resolve("postgres"));
      env.put("OTOS_DB_URL", database.jdbcUrl());
      env.put("OTOS_DB_USER", database.user());
    }
    env.put("OTOS_HASH_KEY", hashKey);
    env.put("OTOS_SECRET_KEY", secretKey);
    env.put("OTOS_ADMIN_TOKEN", adminToken);
    String consolePassword = null;
    Path consoleMarker = settings.dataDir().resolve("console-admin");
    boolean adminConfigured =
        System.getenv("OTOS_ADMIN_USER") != null && System.getenv("OTOS_ADMIN_PASSWORD") != null;
    if (!adminConfigured && database != null && !Files.exists(consoleMarker)) {
      consolePassword = ServerKeys.newConsolePassword();
      env.put("OTOS_ADMIN_USER", DEV_ADMIN);
      env.put("OTOS_ADMIN_PASSWORD", consolePassword);
    }

    System.out.println(
        "otos: starting Payara Micro on " + settings.httpAddress() + ":" + settings.httpPort());
    PayaraMicroProcess server = PayaraMicroProcess.start(settings, payaraJar, war, env);
    EmbeddedDatabase db = database;
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping.set(true);
                  System.out.println("otos: stopping");
                  server.stop();
                  if (db != null) {
                    db.close();
                  }
                  System.out.println("otos: stopped");
                }));

    String failure =
        server.awaitReady(
            URI.create(settings.baseUrl() + "/api/v1/admin/templates?limit=1"), adminToken);
    if (failure != null) {
      System.err.println("otos: " + failure);
      System.err.println("otos: the whole server log is in " + server.log());
      return 1;
    }
    if (consolePassword != null) {
      Files.writeString(consoleMarker, DEV_ADMIN + "\n");
    }
    printBanner(settings, server, settings.adminToken().isEmpty() ? adminToken : null);
    if (server.classArchive() != ClassDataArchive.Use.MAPPED) {
      System.out.println("  Class data:      " + server.classArchive().report);
      System.out.println();
    }
    if (consolePassword != null) {
      System.out.println(
          "  Console sign-in: "
              + DEV_ADMIN
              + " / "
              + consolePassword
              + "   (generated for this data directory and shown only now: note it, or set"
              + " OTOS_ADMIN_USER/OTOS_ADMIN_PASSWORD before the first start)");
      System.out.println();
    }
    int exit = server.process().waitFor();
    if (!stopping.get()) { // else it was asked to stop (Ctrl-C), and its exit code says only that
      System.err.println("otos: Payara Micro exited with code " + exit + "; see " + server.log());
    }
    return exit == 0 ? 0 : 1;
  }

  /** The first console admin of a dev instance, when the environment names none. */
  static final String DEV_ADMIN = "admin";

  private static void printBanner(
      RunSettings settings, PayaraMicroProcess server, String generatedToken) {
    String base = settings.baseUrl();
    System.out.println();
    System.out.println("  OTOS is ready.");
    System.out.println("  Console:         " + base + "/");
    System.out.println("  Device auth API: POST " + base + "/api/v1/device/auth");
    System.out.println("  Management API:  " + base + "/api/v1/admin/");
    if (generatedToken != null) {
      System.out.println(
          "  Admin token:     "
              + generatedToken
              + "   (generated for this run; set OTOS_ADMIN_TOKEN to keep one)");
    }
    System.out.println("  Data:            " + settings.dataDir());
    System.out.println("  Server log:      " + server.log());
    System.out.println("  Stop with Ctrl-C.");
    System.out.println();
  }

  /** The embedded database's start-up chatter is not for the person who runs OTOS. */
  static void quietLogging() {
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    for (Handler handler : root.getHandlers()) {
      handler.setLevel(Level.WARNING);
    }
  }

  private static boolean portIsFree(RunSettings settings) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(
          new InetSocketAddress(
              InetAddress.getByName(settings.httpAddress()), settings.httpPort()));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
