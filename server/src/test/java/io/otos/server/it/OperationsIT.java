package io.otos.server.it;

import static io.otos.server.it.ApiClient.uniqueNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.otos.server.OtosDataSource;
import io.otos.server.it.ApiClient.Answer;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.json.JsonObject;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What an operator relies on: health, metrics, request ids, and behaviour when PostgreSQL fails.
 */
class OperationsIT extends AgainstTheServer {

  @Test
  void theServiceIsLiveAndReadyWithItsDatabaseAndSchema() {
    Answer live = api.get("/health/live");
    Answer ready = api.get("/health/ready");

    assertThat(live.status()).isEqualTo(200);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getString("status")).isEqualTo("UP");
    assertThat(checks(ready)).extracting(c -> c.getString("name")).contains("database", "schema");
    assertThat(checks(ready)).extracting(c -> c.getString("status")).containsOnly("UP");
  }

  @Test
  void metricsCountAttemptsProvisioningsAndVouchersAndTimeTheDeviceEndpoint() {
    String number = uniqueNumber();
    Map<String, Double> before = counters();

    api.deviceAuth(template.secret(), number);
    api.deviceAuth(template.secret(), number);
    api.deviceAuth("wrong-secret-0123456789", number);

    Map<String, Double> after = counters();
    // exactly: a first provisioning writes its rows in the statement that looks for the device,
    // and only what it did write may be counted
    after.forEach(
        (counter, value) ->
            assertThat(value - before.get(counter)).as(counter).isEqualTo(EXPECTED.get(counter)));
    assertThat(api.metric("otos_device_auth_duration_seconds_bucket", "le=\"0.05\""))
        .isNotNegative();
    assertThat(api.get("/metrics?scope=application").body()).doesNotContain(template.secret());
  }

  @Test
  void serverErrorCountersAreListedBeforeAnyIsAnswered() {
    // The dashboard's 503 stat reads this counter: listed only from its first 503, it would lose
    // that 503 after every restart.
    for (String endpoint : List.of("device_auth", "admin")) {
      for (String status : List.of("500", "503")) {
        assertThat(
                api.metric(
                    "otos_api_server_errors_total",
                    "endpoint=\"" + endpoint + "\"",
                    "status=\"" + status + "\""))
            .as(endpoint + " " + status)
            .isNotNegative();
      }
    }
  }

  @Test
  void throttleCountersAreListedBeforeAnythingIsThrottled() {
    // Prometheus' increase() misses a series' first count: a counter listed only from its first
    // 429 would lose that 429 after every restart.
    for (String limit : List.of("source", "device_number", "template")) {
      assertThat(api.metric("otos_auth_throttled_total", "limit=\"" + limit + "\""))
          .as(limit)
          .isNotNegative();
    }
    for (String limit : List.of("username", "address", "hashing")) {
      assertThat(api.metric("otos_console_sign_ins_throttled_total", "limit=\"" + limit + "\""))
          .as(limit)
          .isNotNegative();
    }
  }

  /** What one first provisioning, one repeat and one wrong secret add to each counter. */
  private static final Map<String, Double> EXPECTED =
      Map.of(
          "provisioned", 1.0,
          "reissued", 1.0,
          "refused", 1.0,
          "devices", 1.0,
          "vouchers issued", 2.0,
          "vouchers revoked", 1.0);

  private Map<String, Double> counters() {
    return Map.of(
        "provisioned",
        api.counter("otos_auth_attempts_total", "reason=\"PROVISIONED\"", "mode=\"plaintext\""),
        "reissued",
        api.counter("otos_auth_attempts_total", "reason=\"REISSUED\"", "mode=\"plaintext\""),
        "refused",
        api.counter("otos_auth_attempts_total", "reason=\"TEMPLATE_SECRET_INVALID\""),
        "devices",
        api.counter("otos_devices_provisioned_total"),
        "vouchers issued",
        api.counter("otos_vouchers_issued_total"),
        "vouchers revoked",
        api.counter("otos_vouchers_revoked_total", "reason=\"REISSUED\""));
  }

  @Test
  void connectionGaugesFollowTheLoadAndFallBackToZeroWhenItEnds() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService load = Executors.newFixedThreadPool(8);
    List<Future<?>> clients = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      clients.add(
          load.submit(
              () -> {
                while (running.get()) {
                  assertThat(api.deviceAuth(template.secret(), uniqueNumber()).status())
                      .isEqualTo(200);
                }
              }));
    }
    int mostInUse = 0;
    try {
      for (int sample = 0; sample < 100 && mostInUse == 0; sample++) {
        mostInUse = Math.max(mostInUse, (int) api.metric("otos_db_connections_in_use"));
      }
    } finally {
      running.set(false);
      load.shutdown();
      assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    for (Future<?> client : clients) {
      client.get(); // a client that failed fails the test
    }

    assertThat(mostInUse).isBetween(1, (int) api.metric("otos_db_connections_max"));
    assertThat((int) api.metric("otos_db_connections_in_use")).isZero();
    assertThat((int) api.metric("otos_db_connections_waiting")).isZero();
  }

  @Test
  void theOpenApiDocumentDescribesEveryOperationAndTheConsoleShowsIt() {
    Answer document = api.getWithHeader("/openapi", "Accept", "application/json");

    assertThat(document.status()).isEqualTo(200);
    JsonObject paths = document.json().getJsonObject("paths");
    var operations = ResourcePaths.operations();
    assertThat(operations).hasSizeGreaterThan(15);
    for (String operation : operations) {
      String[] methodAndPath = operation.split(" ");
      assertThat(paths.keySet()).as(operation).contains(methodAndPath[1]);
      assertThat(paths.getJsonObject(methodAndPath[1]).keySet())
          .as(operation)
          .contains(methodAndPath[0]);
    }
    assertThat(document.body())
        .contains("template_secret", "DATABASE_UNAVAILABLE", "bearer")
        .doesNotContain("templateSecret");

    assertThat(api.get("").status()).as("the console, on by default").isEqualTo(200);
    Answer reference = api.get("api-docs/index.html");
    assertThat(reference.status()).isEqualTo(200);
    assertThat(reference.body()).contains("swagger-ui");
    assertThat(api.get("webjars/swagger-ui/5.32.6/swagger-ui-bundle.js").status()).isEqualTo(200);
    assertThat(api.get("api-docs/api-docs.js").body()).contains("/openapi");
  }

  @Test
  void everyAnswerCarriesARequestIdAndKeepsTheCallersOwn() {
    Answer plain = api.deviceAuth(template.secret(), uniqueNumber());
    assertThat(plain.headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).hasSize(36));

    Answer traced =
        api.getWithHeader("api/v1/admin/devices/not-a-uuid", "X-Request-Id", "trace-42");
    assertThat(traced.headers().firstValue("X-Request-Id")).contains("trace-42");
    Answer hostile = api.getWithHeader("api/v1/nothing", "X-Request-Id", "<script>");
    assertThat(hostile.headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).doesNotContain("<"));
  }

  @Test
  void whenTheDatabaseGoesAwayUnderLoadAnswersAre503NothingIsHalfDoneAndServiceRecovers()
      throws Exception {
    DatabaseLink link = TestEnvironment.databaseLink().orElse(null);
    Assumptions.assumeTrue(link != null, "the database is external: it cannot be taken away");
    ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService load = Executors.newFixedThreadPool(12);
    List<Future<?>> clients = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      clients.add(
          load.submit(
              () -> {
                while (running.get()) {
                  statuses.add(api.deviceAuth(template.secret(), uniqueNumber()).status());
                }
              }));
    }
    double unavailableBefore = unavailableDeviceAuths();
    Answer notReady;
    try {
      Thread.sleep(1000);
      link.cut();
      Thread.sleep(1500);
      notReady = api.get("/health/ready");
    } finally {
      link.restore();
    }
    Thread.sleep(1000);
    running.set(false);
    load.shutdown();
    assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    for (Future<?> client : clients) {
      client.get(); // a client that failed (a timeout, a broken answer) fails the test
    }

    assertThat(notReady.status()).isEqualTo(503);
    assertThat(checks(notReady))
        .filteredOn(c -> c.getString("name").equals("database"))
        .extracting(c -> c.getString("status"))
        .containsExactly("DOWN");
    assertThat(statuses).contains(200, 503).containsOnly(200, 503);
    assertThat(unavailableDeviceAuths() - unavailableBefore)
        .as("503s counted, against those the clients saw")
        .isEqualTo((double) statuses.stream().filter(status -> status == 503).count());
    Answer recovered = api.deviceAuth(template.secret(), uniqueNumber());
    for (int i = 0; i < 20 && recovered.status() != 200; i++) {
      Thread.sleep(500);
      recovered = api.deviceAuth(template.secret(), uniqueNumber());
    }
    assertThat(recovered.status()).isEqualTo(200);
    assertThat(api.get("/health/ready").status()).isEqualTo(200);
    assertEveryDeviceHasExactlyOneActiveVoucher();
    assertThat((int) api.metric("otos_db_connections_in_use"))
        .as("connections leaked by failures")
        .isZero();
  }

  private double unavailableDeviceAuths() {
    return api.metric("otos_api_server_errors_total", "endpoint=\"device_auth\"", "status=\"503\"");
  }

  @Test
  void aDatabaseErrorUnderTheServersDriverSettingsCarriesNoValueOfTheFailingRow() throws Exception {
    String secretLike = "row-value-" + uniqueNumber();
    Properties asTheServer = driverProperties(OtosDataSource.class);
    Properties asTheDriverDefaults = new Properties();
    asTheDriverDefaults.putAll(asTheServer);
    asTheDriverDefaults.remove("logServerErrorDetail");

    SQLException onServerSettings = notNullViolation(asTheServer, secretLike);
    SQLException onDriverDefaults = notNullViolation(asTheDriverDefaults, secretLike);

    assertThat((Throwable) onServerSettings).as("a failure").isNotNull();
    assertThat(onServerSettings.getSQLState()).isEqualTo("23502");
    assertThat(onServerSettings.getMessage()).doesNotContain(secretLike);
    assertThat(onDriverDefaults.getMessage()).as("the driver's default").contains(secretLike);
  }

  /**
   * PostgreSQL names every value of a row that breaks a NOT NULL constraint; the driver logs it.
   */
  private static SQLException notNullViolation(Properties properties, String value)
      throws SQLException {
    TestEnvironment.Settings settings = TestEnvironment.settings();
    properties.setProperty("user", settings.dbUser());
    properties.setProperty("password", settings.dbPassword());
    try (var db = DriverManager.getConnection(settings.dbUrl(), properties);
        var ddl = db.createStatement()) {
      ddl.execute("CREATE TEMPORARY TABLE failing (secret text, required int NOT NULL)");
      try (var insert = db.prepareStatement("INSERT INTO failing VALUES (?, NULL)")) {
        insert.setString(1, value);
        return catchThrowableOfType(SQLException.class, insert::executeUpdate);
      }
    }
  }

  /** The driver's own properties in a data source definition (Payara's are left out). */
  private static Properties driverProperties(Class<?> definer) {
    Properties properties = new Properties();
    for (String property : definer.getAnnotation(DataSourceDefinition.class).properties()) {
      if (!property.startsWith("fish.payara.")) {
        String[] nameAndValue = property.split("=", 2);
        properties.setProperty(nameAndValue[0], nameAndValue[1]);
      }
    }
    return properties;
  }

  private void assertEveryDeviceHasExactlyOneActiveVoucher() throws SQLException {
    try (var db = TestEnvironment.database();
        var query =
            db.prepareStatement(
                "SELECT d.id, COUNT(v.id) FILTER (WHERE v.revoked_at IS NULL) FROM device d"
                    + " LEFT JOIN voucher v ON v.device_id = d.id WHERE d.template_id = ?::uuid"
                    + " GROUP BY d.id HAVING COUNT(v.id) FILTER (WHERE v.revoked_at IS NULL) <> 1")) {
      query.setString(1, template.id().toString());
      var rows = query.executeQuery();
      assertThat(rows.next()).as("a device without exactly one active voucher").isFalse();
    }
  }

  private static List<JsonObject> checks(Answer health) {
    return health.json().getJsonArray("checks").stream().map(JsonObject.class::cast).toList();
  }
}
