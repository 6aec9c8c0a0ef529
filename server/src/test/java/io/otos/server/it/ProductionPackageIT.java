package io.otos.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.otos.server.it.ApiClient.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The production package as an operator runs it: {@code java -jar otos.jar}, configured by
 * environment variables only, serving at the root, ready, provisioning, and stopping on SIGTERM.
 */
@ExtendWith(TestEnvironment.class)
class ProductionPackageIT {

  @Test
  void otosJarRunsFromTheEnvironmentAloneAndStopsOnSigterm() throws Exception {
    int port = freePort();
    Path target = Path.of(System.getProperty("otos.war", "target/otos.war")).getParent();
    var settings = TestEnvironment.settings();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
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
                "OTOS_ADMIN_TOKEN", settings.adminToken()));
    Process otos = builder.start();
    try {
      ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + port + "/").toURL());
      Answer ready = awaitReady(api, otos);
      assertThat(ready.json().getString("status")).isEqualTo("UP");

      var template = api.createTemplate();
      Answer provisioned = api.deviceAuth(template.secret(), ApiClient.uniqueNumber());
      assertThat(provisioned.status()).isEqualTo(200);
      assertThat(api.get("").status()).as("console at the root").isEqualTo(200);

      otos.destroy();
      assertThat(otos.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
    } finally {
      otos.destroyForcibly();
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
