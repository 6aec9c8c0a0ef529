package io.otos.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.otos.server.it.ApiClient.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The production package as an operator runs it: {@code java -jar otos.jar}, configured by
 * environment variables only, as a device-facing node (console off): ready, provisioning, and
 * stopping gracefully on SIGTERM.
 */
@ExtendWith(TestEnvironment.class)
class ProductionPackageIT {

  private static final int IMPORTED = 200_000;

  @Test
  void otosJarRunsFromTheEnvironmentAloneAndStopsOnSigterm() throws Exception {
    int port = freePort();
    Path target = Path.of(System.getProperty("otos.war", "target/otos.war")).getParent();
    var settings = TestEnvironment.settings();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // As docs/operations.md runs it.
                "-XX:+UseSerialGC",
                "-Xms128m",
                "-Xmx512m",
                "-Djava.io.tmpdir=" + target,
                "-jar",
                target.resolve("otos.jar").toString(),
                "--port",
                String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(target.resolve("production-package-it.log").toFile());
    builder
        .environment()
        .putAll(
            Map.of(
                "OTOS_DB_URL", settings.dbUrl(),
                "OTOS_DB_USER", settings.dbUser(),
                "OTOS_DB_PASSWORD", settings.dbPassword(),
                "OTOS_HASH_KEY", settings.hashKey(),
                "OTOS_SECRET_KEY", settings.secretKey(),
                "OTOS_ADMIN_TOKEN", settings.adminToken(),
                "OTOS_SHUTDOWN_GRACE_SECONDS", "20",
                "OTOS_CONSOLE_ENABLED", "false"));
    Process otos = builder.start();
    try {
      ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + port + "/").toURL());
      Answer ready = awaitReady(api, otos);
      assertThat(ready.json().getString("status")).isEqualTo("UP");

      var template = api.createTemplate();
      Answer provisioned = api.deviceAuth(template.secret(), ApiClient.uniqueNumber());
      assertThat(provisioned.status()).isEqualTo(200);
      // A device-facing node: the console is switched off, the APIs go on.
      Answer console = api.get("");
      assertThat(console.status()).as("console switched off").isEqualTo(404);
      assertThat(console.json().getJsonObject("data").getString("error")).isEqualTo("NOT_FOUND");
      assertThat(api.get("api-docs/index.html").status()).isEqualTo(404);
      assertThat(api.get("/openapi").status()).isEqualTo(200);

      // Given a long request in flight (an import, while it holds a database connection) ...
      CompletableFuture<Answer> importing =
          CompletableFuture.supplyAsync(
              () -> api.adminPost(allowlistOf(template), "text/csv", csvOf(IMPORTED)));
      awaitConnectionInUse(api, importing);
      // ... when the node is told to stop ...
      otos.destroy();
      Answer refused = awaitRefusal(api);
      assertThat(importing)
          .as("the import was still in flight when new ones were refused")
          .isNotDone();

      // ... then new requests are turned away, and the one in flight finishes whole.
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.json().getJsonObject("data").getString("error"))
          .isEqualTo("SHUTTING_DOWN");
      assertThat(refused.headers().firstValue("Retry-After")).contains("1");
      Answer imported = importing.get(60, TimeUnit.SECONDS);
      assertThat(imported.status()).as(imported.body()).isEqualTo(200);
      assertThat(imported.json().getInt("added")).isEqualTo(IMPORTED);
      assertThat(otos.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
      assertThat(devicesOf(template)).isEqualTo(IMPORTED + 1);
    } finally {
      otos.destroyForcibly();
    }
  }

  private static String allowlistOf(ApiClient.Template template) {
    return "api/v1/admin/templates/" + template.id() + "/allowlist/import";
  }

  private static String csvOf(int lines) {
    String prefix = "drain-" + java.util.UUID.randomUUID() + "-";
    StringBuilder csv = new StringBuilder("device_number\n");
    for (int i = 0; i < lines; i++) {
      csv.append(prefix).append(i).append('\n');
    }
    return csv.toString();
  }

  private static void awaitConnectionInUse(ApiClient api, CompletableFuture<Answer> request)
      throws InterruptedException {
    while (api.metric("otos_db_connections_in_use") < 1) {
      assertThat(request).as("the import ended before it could be watched").isNotDone();
      Thread.sleep(20);
    }
  }

  private static Answer awaitRefusal(ApiClient api) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (api.get("/openapi").status() == 503) { // cheap, and never a failed auth
        return api.deviceAuth("not-the-secret-0123456789", ApiClient.uniqueNumber());
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the node still served new requests 2 s after SIGTERM");
  }

  private static long devicesOf(ApiClient.Template template) throws Exception {
    try (var db = TestEnvironment.database();
        var count = db.prepareStatement("SELECT COUNT(*) FROM device WHERE template_id = ?")) {
      count.setObject(1, template.id());
      var rows = count.executeQuery();
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Answer awaitReady(ApiClient api, Process otos) throws InterruptedException {
    for (int i = 0; i < 240; i++) {
      assertThat(otos.isAlive())
          .as("otos.jar is running (see target/production-package-it.log)")
          .isTrue();
      try {
        Answer ready = api.get("/health/ready");
        if (ready.status() == 200) {
          return ready;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "otos.jar was not ready within 120 s (see target/production-package-it.log)");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
