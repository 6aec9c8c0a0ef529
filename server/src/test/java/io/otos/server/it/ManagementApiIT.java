package io.otos.server.it;

import static io.otos.server.it.ApiClient.uniqueNumber;
import static org.assertj.core.api.Assertions.assertThat;

import io.otos.server.it.ApiClient.Answer;
import io.otos.server.it.ApiClient.Template;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The management API and the console page in the real server, over HTTP. */
class ManagementApiIT extends AgainstTheServer {

  @Test
  void managementNeedsTheAdminToken() throws Exception {
    Answer none = api.get("api/v1/admin/templates");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.errorCode()).isEqualTo("ADMIN_TOKEN_INVALID");
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

    var wrong =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "api/v1/admin/devices"))
                    .header("Authorization", "Bearer " + TestEnvironment.adminToken() + "x")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("ADMIN_TOKEN_INVALID");
  }

  @Test
  void everyChangeAnAdminMakesIsAuditedAndNothingElse() {
    String path = "api/v1/admin/templates/" + template.id();
    assertThat(api.adminPatch(path, Json.createObjectBuilder().add("name", "renamed")).status())
        .isEqualTo(200);
    JsonObject change = api.latestAdminAction();
    assertThat(change.getString("action")).isEqualTo("ADMIN_WRITE");
    assertThat(change.getString("actor")).isEqualTo("admin-token");
    assertThat(change.getString("template_id")).isEqualTo(template.id().toString());
    assertThat(change.getString("subject"))
        .isEqualTo("PATCH /v1/admin/templates/" + template.id() + " 200");

    // Reads, refusals and the device API are not admin changes.
    api.adminGet(path);
    api.adminPatch(path, Json.createObjectBuilder().add("max_devices", -1));
    api.deviceAuth(template.secret(), uniqueNumber());
    assertThat(api.latestAdminAction().getString("id")).isEqualTo(change.getString("id"));
  }

  @Test
  void aNewTemplateShowsItsGeneratedSecretOnceAndNeverAgain() {
    Answer created =
        api.adminPost(
            "api/v1/admin/templates", Json.createObjectBuilder().add("name", "Smart plug v2"));

    assertThat(created.status()).isEqualTo(201);
    JsonObject json = created.json();
    String id = json.getString("id");
    String secret = json.getString("template_secret");
    assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
    assertThat(json.getString("name")).isEqualTo("Smart plug v2");
    assertThat(json.getString("created_at")).isNotBlank();
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(v -> assertThat(v).endsWith(id));

    Answer read = api.adminGet("api/v1/admin/templates/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().getString("name")).isEqualTo("Smart plug v2");
    assertThat(read.json().containsKey("template_secret")).isFalse();
    assertThat(read.body()).doesNotContain(secret);
    int total = api.adminGet("api/v1/admin/templates?limit=1").json().getInt("total");
    Answer newest = api.adminGet("api/v1/admin/templates?limit=1&offset=" + (total - 1));
    assertThat(newest.json().getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(id);
    assertThat(newest.body()).doesNotContain(secret);
  }

  @Test
  void anAdminMayChooseTheSecretOfAFleetAlreadyManufactured() {
    String chosen = "factory-secret-" + UUID.randomUUID();
    Answer created =
        api.adminPost(
            "api/v1/admin/templates",
            Json.createObjectBuilder().add("name", "Legacy meter").add("template_secret", chosen));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getString("template_secret")).isEqualTo(chosen);
    assertThat(api.deviceAuth(chosen, uniqueNumber()).status()).isEqualTo(200);

    Answer reused =
        api.adminPost(
            "api/v1/admin/templates",
            Json.createObjectBuilder().add("name", "Copy").add("template_secret", chosen));
    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.errorCode()).isEqualTo("TEMPLATE_SECRET_IN_USE");
    assertThat(reused.body()).doesNotContain(chosen);
  }

  @Test
  void badTemplateRequestsAreRefusedWithTheReason() {
    Answer shortSecret =
        api.adminPost(
            "api/v1/admin/templates",
            Json.createObjectBuilder().add("name", "x").add("template_secret", "too-short"));
    assertThat(shortSecret.status()).isEqualTo(400);
    assertThat(shortSecret.errorCode()).isEqualTo("TEMPLATE_SECRET_TOO_SHORT");
    assertThat(shortSecret.body()).doesNotContain("too-short\"");

    Answer noName = api.adminPost("api/v1/admin/templates", Json.createObjectBuilder());
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.json().getString("message")).contains("name");

    Answer numericName =
        api.adminPost("api/v1/admin/templates", Json.createObjectBuilder().add("name", 7));
    assertThat(numericName.status()).isEqualTo(400);
    assertThat(numericName.json().getString("message")).contains("name");

    assertThat(api.adminGet("api/v1/admin/templates/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(api.adminGet("api/v1/admin/templates/not-a-uuid").status()).isEqualTo(400);
    assertThat(api.adminGet("api/v1/admin/templates?limit=0").status()).isEqualTo(400);
    assertThat(api.adminGet("api/v1/admin/templates?offset=-1").status()).isEqualTo(400);
  }

  @Test
  void productsHaveUniqueKeysUnderAnExistingTemplate() {
    Template template = api.createTemplate();
    String generated = api.createProduct(template.id());
    assertThat(generated).hasSizeGreaterThanOrEqualTo(16);

    String chosen = "pk-" + UUID.randomUUID();
    Answer created =
        api.adminPost(
            "api/v1/admin/products",
            Json.createObjectBuilder()
                .add("name", "EU model")
                .add("template_id", template.id().toString())
                .add("product_key", chosen));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getString("product_key")).isEqualTo(chosen);

    Answer duplicate =
        api.adminPost(
            "api/v1/admin/products",
            Json.createObjectBuilder()
                .add("name", "again")
                .add("template_id", template.id().toString())
                .add("product_key", chosen));
    assertThat(duplicate.status()).isEqualTo(409);

    Answer noTemplate =
        api.adminPost(
            "api/v1/admin/products",
            Json.createObjectBuilder()
                .add("name", "orphan")
                .add("template_id", UUID.randomUUID().toString()));
    assertThat(noTemplate.status()).isEqualTo(404);
    assertThat(noTemplate.errorCode()).isEqualTo("TEMPLATE_NOT_FOUND");

    Answer listed = api.adminGet("api/v1/admin/products?template_id=" + template.id());
    assertThat(listed.json().getInt("total")).isEqualTo(2);
    assertThat(listed.body()).contains(generated, chosen);
  }

  @Test
  void devicesAreListedByTemplateAndNumberPrefixWithTotalsAndPaging() {
    Template template = api.createTemplate();
    String prefix = "pg-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    for (int i = 0; i < 5; i++) {
      assertThat(api.deviceAuth(template.secret(), prefix + i).status()).isEqualTo(200);
    }
    api.deviceAuth(template.secret(), uniqueNumber());

    Answer page =
        api.adminGet(
            "api/v1/admin/devices?template_id="
                + template.id()
                + "&device_number="
                + prefix
                + "&offset=1&limit=2");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().getInt("total")).isEqualTo(5);
    var items = page.json().getJsonArray("items");
    assertThat(items).hasSize(2);
    assertThat(items.getJsonObject(0).getString("device_number")).isEqualTo(prefix + 1);
    assertThat(items.getJsonObject(1).getString("device_number")).isEqualTo(prefix + 2);
    assertThat(items.getJsonObject(0).getString("status")).isEqualTo("ACTIVE");
    assertThat(items.getJsonObject(0).getString("template_id")).isEqualTo(template.id().toString());
    assertThat(
            api.adminGet("api/v1/admin/devices?template_id=" + template.id())
                .json()
                .getInt("total"))
        .isEqualTo(6);
    assertThat(api.adminGet("api/v1/admin/devices?limit=many").status()).isEqualTo(400);
    assertThat(api.adminGet("api/v1/admin/devices/" + UUID.randomUUID()).errorCode())
        .isEqualTo("DEVICE_NOT_FOUND");
  }

  @Test
  void aDevicesVoucherHistoryIsPagedNewestFirst() {
    String number = uniqueNumber();
    String id = null;
    for (int i = 0; i < 3; i++) {
      id =
          api.deviceAuth(template.secret(), number)
              .json()
              .getJsonObject("data")
              .getString("device_id");
    }

    Answer page = api.adminGet("api/v1/admin/devices/" + id + "/vouchers?limit=2");
    Answer rest = api.adminGet("api/v1/admin/devices/" + id + "/vouchers?offset=2&limit=2");

    assertThat(page.json().getInt("total")).isEqualTo(3);
    var items = page.json().getJsonArray("items");
    assertThat(items).hasSize(2);
    assertThat(items.getJsonObject(0).getBoolean("active")).as("the newest").isTrue();
    assertThat(items.getJsonObject(1).getBoolean("active")).isFalse();
    assertThat(rest.json().getJsonArray("items")).hasSize(1);
    assertThat(api.adminGet("api/v1/admin/devices/" + id + "/vouchers?limit=501").errorCode())
        .isEqualTo("LIMIT_INVALID");
  }

  @Test
  void theAuditTrailIsFilteredByDeviceNumberAndOutcome() {
    Template template = api.createTemplate();
    String number = uniqueNumber();
    api.deviceAuth(template.secret(), number);
    api.deviceAuth("wrong-secret-" + UUID.randomUUID(), number);

    Answer all = api.adminGet("api/v1/admin/auth-attempts?device_number=" + number);
    Answer failures =
        api.adminGet("api/v1/admin/auth-attempts?outcome=failure&device_number=" + number);

    assertThat(all.json().getInt("total")).isEqualTo(2);
    assertThat(failures.json().getInt("total")).isEqualTo(1);
    assertThat(failures.json().getJsonArray("items").getJsonObject(0).getString("reason"))
        .isEqualTo("TEMPLATE_SECRET_INVALID");
    assertThat(api.adminGet("api/v1/admin/auth-attempts?outcome=MAYBE").status()).isEqualTo(400);
  }

  @Test
  void noColumnOfTheDatabaseHoldsASecretOrPasswordInPlainText() throws SQLException {
    Template template = api.createTemplate();
    Answer answer = api.deviceAuth(template.secret(), uniqueNumber());
    String voucher = answer.json().getJsonObject("data").getString("voucher");
    String password =
        Json.createReader(new java.io.StringReader(voucher)).readObject().getString("password");

    try (var db = TestEnvironment.database();
        var statement = db.createStatement()) {
      for (String table :
          new String[] {"device_template", "product", "device", "voucher", "auth_attempt"}) {
        try (ResultSet rows = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
          while (rows.next()) {
            assertThat(rows.getString(1))
                .as(table)
                .doesNotContain(template.secret())
                .doesNotContain(password);
          }
        }
      }
    }
  }

  @Test
  void concurrentCreationsWithOneChosenSecretOrKeyAnswer409NotAFailure() throws Exception {
    String secret = "contested-secret-" + UUID.randomUUID();
    String key = "contested-key-" + UUID.randomUUID();
    UUID templateId = api.createTemplate().id();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Answer>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(
            () ->
                api.adminPost(
                    "api/v1/admin/templates",
                    Json.createObjectBuilder()
                        .add("name", "contested")
                        .add("template_secret", secret)));
        calls.add(
            () ->
                api.adminPost(
                    "api/v1/admin/products",
                    Json.createObjectBuilder()
                        .add("name", "contested")
                        .add("template_id", templateId.toString())
                        .add("product_key", key)));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Answer> answer : pool.invokeAll(calls)) {
        statuses.add(answer.get().status());
      }
      assertThat(statuses).containsOnly(201, 409);
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void filtersWithControlCharactersAreRefused() {
    assertThat(api.adminGet("api/v1/admin/devices?device_number=%00").errorCode())
        .isEqualTo("DEVICE_NUMBER_INVALID");
    assertThat(api.adminGet("api/v1/admin/auth-attempts?device_number=a%00b").status())
        .isEqualTo(400);
  }

  @Test
  void theApiDoesNotDescribeItselfToStrangers() {
    Answer wadl = api.get("api/application.wadl");
    assertThat(wadl.status()).isEqualTo(404);
    assertThat(wadl.errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void theConsoleIsServedAtTheRoot() {
    Answer page = api.get("");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).contains("text/html"));
    assertThat(page.body()).containsIgnoringCase("<html");
  }
}
