package io.otos.server.it;

import static io.otos.server.it.ApiClient.uniqueAddress;
import static io.otos.server.it.ApiClient.uniqueNumber;
import static org.assertj.core.api.Assertions.assertThat;

import io.otos.server.it.ApiClient.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Template policies and the device lifecycle, enforced on the device auth API in the real server.
 */
class PoliciesIT extends AgainstTheServer {

  @Test
  void aDisabledTemplateAnswersLikeAWrongSecretAndTheAuditSaysWhy() {
    String number = uniqueNumber();
    Answer wrong = api.deviceAuth("wrong-secret-" + UUID.randomUUID(), number);
    Answer disabled = patch(Json.createObjectBuilder().add("enabled", false));
    assertThat(disabled.json().getBoolean("enabled")).isFalse();

    Answer refused = api.deviceAuth(template.secret(), number);

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body()).isEqualTo(wrong.body());
    assertThat(lastAttempt(number).getString("reason")).isEqualTo("TEMPLATE_DISABLED");
    patch(Json.createObjectBuilder().add("enabled", true));
    assertThat(api.deviceAuth(template.secret(), number).status()).isEqualTo(200);
  }

  @Test
  void underAnAllowlistOnlyRegisteredNumbersProvisionAndKeepTheirIds() {
    patch(Json.createObjectBuilder().add("registration_mode", "ALLOWLIST"));
    String listed = uniqueNumber();
    String other = uniqueNumber();
    Answer added = addToAllowlist(listed, other);
    assertThat(added.json().getInt("added")).isEqualTo(2);
    String listedId = allowlistEntry(listed).getString("device_id");
    assertThat(allowlistEntry(listed).getString("status")).isEqualTo("REGISTERED");

    Answer allowed = api.deviceAuth(template.secret(), listed);
    Answer stranger = api.deviceAuth(template.secret(), uniqueNumber());

    assertThat(allowed.status()).isEqualTo(200);
    assertThat(deviceId(allowed)).isEqualTo(listedId);
    assertThat(stranger.status()).isEqualTo(403);
    assertThat(stranger.errorCode()).isEqualTo("DEVICE_NOT_ALLOWLISTED");
    assertThat(stranger.json().getString("message")).contains("allowlist");

    Answer again = addToAllowlist(listed, uniqueNumber());
    assertThat(again.json().getInt("added")).isEqualTo(1);
    assertThat(again.json().getInt("already_registered")).isEqualTo(1);
    assertThat(api.adminDelete(allowlist() + "/" + other).status()).isEqualTo(204);
    assertThat(api.deviceAuth(template.secret(), other).errorCode())
        .isEqualTo("DEVICE_NOT_ALLOWLISTED");
    assertThat(api.adminDelete(allowlist() + "/" + listed).errorCode())
        .isEqualTo("DEVICE_PROVISIONED");
    assertThat(api.adminDelete(allowlist() + "/" + other).status()).isEqualTo(404);
  }

  @Test
  void theDeviceCapHoldsExactlyUnderConcurrentFirstAuths() throws Exception {
    patch(Json.createObjectBuilder().add("max_devices", 10));
    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<Answer> answers = new ArrayList<>();
    try {
      List<Callable<Answer>> calls = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        calls.add(() -> api.deviceAuth(template.secret(), uniqueNumber()));
      }
      for (Future<Answer> future : pool.invokeAll(calls)) {
        answers.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(answers.stream().filter(a -> a.status() == 200)).hasSize(10);
    assertThat(answers.stream().filter(a -> a.status() == 403)).hasSize(90);
    assertThat(answers.stream().filter(a -> a.status() == 403).map(Answer::errorCode))
        .containsOnly("DEVICE_LIMIT_REACHED");
    assertThat(
            api.adminGet("api/v1/admin/devices?template_id=" + template.id())
                .json()
                .getInt("total"))
        .isEqualTo(10);
    String provisioned =
        answers.stream()
            .filter(a -> a.status() == 200)
            .findFirst()
            .orElseThrow()
            .json()
            .getJsonObject("data")
            .getString("device_id");
    String number =
        api.adminGet("api/v1/admin/devices/" + provisioned).json().getString("device_number");
    assertThat(api.deviceAuth(template.secret(), number).status())
        .as("known devices still authenticate")
        .isEqualTo(200);
    patch(Json.createObjectBuilder().addNull("max_devices"));
    assertThat(api.deviceAuth(template.secret(), uniqueNumber()).status()).isEqualTo(200);
  }

  @Test
  void underRejectARepeatIsRefusedUntilAnAdminResetsTheDevice() {
    patch(Json.createObjectBuilder().add("reauth_policy", "REJECT"));
    String number = uniqueNumber();
    String id = deviceId(api.deviceAuth(template.secret(), number));

    JsonObject provisioned = device(id);
    Answer repeat = api.deviceAuth(template.secret(), number);
    assertThat(repeat.status()).isEqualTo(409);
    assertThat(repeat.errorCode()).isEqualTo("DEVICE_ALREADY_PROVISIONED");
    assertThat(device(id).getString("last_auth_at"))
        .as("a refused attempt is no authentication")
        .isEqualTo(provisioned.getString("last_auth_at"));

    Answer reset = api.adminPost("api/v1/admin/devices/" + id + "/reset");
    assertThat(reset.json().getString("status")).isEqualTo("REGISTERED");
    Answer after = api.deviceAuth(template.secret(), number);
    assertThat(after.status()).isEqualTo(200);
    assertThat(deviceId(after)).isEqualTo(id);
    assertThat(api.deviceAuth(template.secret(), number).status()).isEqualTo(409);
    var history = api.adminGet("api/v1/admin/devices/" + id + "/vouchers").json().toString();
    assertThat(history).contains("DEVICE_RESET");
  }

  @Test
  void aRotatedSecretWorksUntilItsGraceDeadlineAndTheAuditSaysWhichSecretWasUsed()
      throws Exception {
    String oldSecret = template.secret();
    Answer rotated =
        api.adminPost(
            "api/v1/admin/templates/" + template.id() + "/rotate-secret",
            Json.createObjectBuilder().add("grace_seconds", 6));
    assertThat(rotated.status()).isEqualTo(200);
    String newSecret = rotated.json().getString("template_secret");
    assertThat(newSecret).isNotEqualTo(oldSecret);
    assertThat(rotated.json().getString("previous_secret_expires_at")).isNotBlank();

    String number = uniqueNumber();
    assertThat(api.deviceAuth(oldSecret, number).status()).isEqualTo(200);
    assertThat(lastAttempt(number).getString("secret_used")).isEqualTo("PREVIOUS");
    assertThat(api.deviceAuth(newSecret, number).status()).isEqualTo(200);
    assertThat(lastAttempt(number).getString("secret_used")).isEqualTo("CURRENT");

    Thread.sleep(6500);
    Answer expired = api.deviceAuth(oldSecret, number);
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.errorCode()).isEqualTo("TEMPLATE_SECRET_INVALID");
    assertThat(lastAttempt(number).getString("reason")).isEqualTo("TEMPLATE_SECRET_EXPIRED");

    Answer immediate =
        api.adminPost(
            "api/v1/admin/templates/" + template.id() + "/rotate-secret",
            Json.createObjectBuilder().add("grace_seconds", 0));
    assertThat(api.deviceAuth(newSecret, number).status()).isEqualTo(401);
    assertThat(api.deviceAuth(immediate.json().getString("template_secret"), number).status())
        .isEqualTo(200);
    assertThat(api.adminGet("api/v1/admin/templates/" + template.id()).body())
        .doesNotContain(newSecret);
  }

  @Test
  void rotationNeedsAGracePeriodInRange() {
    String path = "api/v1/admin/templates/" + template.id() + "/rotate-secret";
    assertThat(api.adminPost(path, Json.createObjectBuilder()).json().getString("message"))
        .contains("grace_seconds");
    assertThat(api.adminPost(path, Json.createObjectBuilder().add("grace_seconds", -1)).errorCode())
        .isEqualTo("GRACE_SECONDS_INVALID");
    assertThat(api.adminPost(path, Json.createObjectBuilder().add("grace_seconds", "60")).status())
        .isEqualTo(400);
    assertThat(api.deviceAuth(template.secret(), uniqueNumber()).status())
        .as("secret unchanged")
        .isEqualTo(200);
  }

  @Test
  void blockingADeviceRevokesItsVoucherUntilItIsUnblocked() {
    String number = uniqueNumber();
    String id = deviceId(api.deviceAuth(template.secret(), number));

    Answer blocked = api.adminPost("api/v1/admin/devices/" + id + "/block");
    assertThat(blocked.json().getString("status")).isEqualTo("BLOCKED");
    assertThat(activeVouchers(id)).isZero();
    JsonObject beforeRefusal = device(id);
    Answer refused = api.deviceAuth(template.secret(), number);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.errorCode()).isEqualTo("DEVICE_BLOCKED");
    assertThat(lastAttempt(number).getString("reason")).isEqualTo("DEVICE_BLOCKED");
    assertThat(device(id)).as("a refused attempt changes nothing").isEqualTo(beforeRefusal);

    api.adminPost("api/v1/admin/devices/" + id + "/unblock");
    assertThat(api.deviceAuth(template.secret(), number).status()).isEqualTo(200);
    assertThat(activeVouchers(id)).isOne();
    assertThat(api.adminPost("api/v1/admin/devices/" + id + "/unblock").errorCode())
        .isEqualTo("DEVICE_NOT_BLOCKED");
  }

  @Test
  void revokingAVoucherLeavesItsDeviceAbleToProvisionAgain() {
    String number = uniqueNumber();
    Answer provisioned = api.deviceAuth(template.secret(), number);
    String id = deviceId(provisioned);
    var history = api.adminGet("api/v1/admin/devices/" + id + "/vouchers");
    JsonObject voucher = history.json().getJsonArray("items").getJsonObject(0);
    assertThat(voucher.getBoolean("active")).isTrue();

    Answer revoked = api.adminPost("api/v1/admin/vouchers/" + voucher.getString("id") + "/revoke");

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().getBoolean("active")).isFalse();
    assertThat(revoked.json().getString("revocation_reason")).isEqualTo("REVOKED_BY_ADMIN");
    assertThat(
            api.adminPost("api/v1/admin/vouchers/" + voucher.getString("id") + "/revoke")
                .errorCode())
        .isEqualTo("VOUCHER_ALREADY_REVOKED");
    assertThat(api.adminPost("api/v1/admin/vouchers/" + UUID.randomUUID() + "/revoke").status())
        .isEqualTo(404);
    assertThat(api.adminGet("api/v1/admin/devices/" + id).json().getString("status"))
        .isEqualTo("ACTIVE");
    assertThat(activeVouchers(id)).isZero();
    assertThat(api.deviceAuth(template.secret(), number).status()).isEqualTo(200);
    assertThat(activeVouchers(id)).isOne();
    String voucherJson = provisioned.json().getJsonObject("data").getString("voucher");
    String password =
        Json.createReader(new java.io.StringReader(voucherJson)).readObject().getString("password");
    assertThat(history.body()).doesNotContain(password).doesNotContain("password");
  }

  @Test
  void aCsvOf100000NumbersImportsAtOnce() {
    String prefix = "csv-" + UUID.randomUUID() + "-";
    StringBuilder csv = new StringBuilder("device_number,device_name\n");
    for (int i = 0; i < 100_000; i++) {
      csv.append(prefix).append(i).append(",sensor ").append(i).append('\n');
    }
    long started = System.nanoTime();
    Answer imported = api.adminPost(allowlist() + "/import", "text/csv", csv.toString());
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("Imported 100,000 allowlist lines in " + millis + " ms");

    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().getInt("added")).isEqualTo(100_000);
    Answer page = api.adminGet(allowlist() + "?limit=1");
    assertThat(page.json().getInt("total")).isEqualTo(100_000);
    assertThat(page.json().getJsonArray("items").getJsonObject(0).getString("name"))
        .startsWith("sensor ");
  }

  @Test
  void aCsvWithWrongLinesIsRefusedWholeWithEveryLineNamed() {
    String taken = uniqueNumber();
    api.deviceAuth(api.createTemplate().secret(), taken);
    String good = uniqueNumber();
    String csv =
        String.join("\n", good, "bad\u0007number", "x".repeat(256), good, taken, "\"unclosed", "");

    Answer refused = api.adminPost(allowlist() + "/import", "text/csv", csv);

    assertThat(refused.status()).isEqualTo(400);
    JsonObject data = refused.json().getJsonObject("data");
    assertThat(data.getString("error")).isEqualTo("ALLOWLIST_REJECTED");
    assertThat(data.getInt("problem_count")).isEqualTo(5);
    assertThat(data.getJsonArray("problems").stream().map(p -> p.asJsonObject().getInt("line")))
        .containsExactly(2, 3, 4, 5, 6);
    assertThat(data.getJsonArray("problems").getJsonObject(2).getString("error"))
        .isEqualTo("DEVICE_NUMBER_DUPLICATE");
    assertThat(data.getJsonArray("problems").getJsonObject(3).getString("error"))
        .isEqualTo("DEVICE_NUMBER_TAKEN");
    assertThat(api.adminGet(allowlist()).json().getInt("total")).as("nothing imported").isZero();
    assertThat(api.adminPost(allowlist() + "/import", "application/json", "{}").status())
        .isEqualTo(415);
  }

  @Test
  void anAllowlistThatWouldExceedTheCapIsRefused() {
    patch(Json.createObjectBuilder().add("max_devices", 2));
    Answer refused = addToAllowlist(uniqueNumber(), uniqueNumber(), uniqueNumber());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("DEVICE_LIMIT_REACHED");
    assertThat(addToAllowlist(uniqueNumber(), uniqueNumber()).json().getInt("added")).isEqualTo(2);
  }

  @Test
  void policyChangesAreChecked() {
    assertThat(patch(Json.createObjectBuilder().add("registration_mode", "OPEN")).errorCode())
        .isEqualTo("FIELD_VALUE_INVALID");
    assertThat(patch(Json.createObjectBuilder().add("max_devices", "ten")).status()).isEqualTo(400);
    assertThat(patch(Json.createObjectBuilder().add("max_devices", -1)).errorCode())
        .isEqualTo("MAX_DEVICES_INVALID");
    assertThat(patch(Json.createObjectBuilder().add("enabled", "yes")).status()).isEqualTo(400);
    assertThat(
            patch(Json.createObjectBuilder().add("reauth_policy", "NEVER"))
                .json()
                .getString("message"))
        .contains("REISSUE");
    JsonObject unchanged = api.adminGet("api/v1/admin/templates/" + template.id()).json();
    assertThat(unchanged.getBoolean("enabled")).isTrue();
    assertThat(unchanged.getString("registration_mode")).isEqualTo("AUTO");
    assertThat(unchanged.isNull("max_devices")).isTrue();
    assertThat(unchanged.getString("reauth_policy")).isEqualTo("REISSUE");
  }

  @Test
  void aRotatedOutSecretCannotUseUpTheTemplatesFailuresButRefusalsUnderItsSecretDo() {
    String listed = uniqueNumber();
    assertThat(addToAllowlist(listed).status()).isEqualTo(200);
    assertThat(patch(Json.createObjectBuilder().add("registration_mode", "ALLOWLIST")).status())
        .isEqualTo(200);
    String oldSecret = template.secret();
    String newSecret =
        api.adminPost(
                "api/v1/admin/templates/" + template.id() + "/rotate-secret",
                Json.createObjectBuilder().add("grace_seconds", 0))
            .json()
            .getString("template_secret");

    for (int i = 0; i <= TEMPLATE_LIMIT; i++) {
      assertThat(api.deviceAuthFrom(uniqueAddress(), oldSecret, uniqueNumber()).status())
          .isEqualTo(401);
    }
    int refused = 0;
    Answer throttled;
    do {
      throttled = api.deviceAuthFrom(uniqueAddress(), newSecret, uniqueNumber());
    } while (throttled.status() == 403 && ++refused < 2 * TEMPLATE_LIMIT);

    assertThat(refused).as("not allowlisted, under the current secret").isEqualTo(TEMPLATE_LIMIT);
    assertThat(throttled.status()).as(throttled.body()).isEqualTo(429);
    assertThat(api.deviceAuthFrom(uniqueAddress(), newSecret, listed).status())
        .as("the template's own devices wait too")
        .isEqualTo(429);
    assertThat(api.metric("otos_auth_throttled_total", "limit=\"template\"")).isPositive();
  }

  private Answer patch(jakarta.json.JsonObjectBuilder changes) {
    return api.adminPatch("api/v1/admin/templates/" + template.id(), changes);
  }

  private String allowlist() {
    return "api/v1/admin/templates/" + template.id() + "/allowlist";
  }

  private Answer addToAllowlist(String... numbers) {
    var array = Json.createArrayBuilder();
    for (String number : numbers) {
      array.add(number);
    }
    return api.adminPost(allowlist(), Json.createObjectBuilder().add("device_numbers", array));
  }

  private JsonObject allowlistEntry(String number) {
    return api.adminGet(allowlist() + "?limit=500").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .filter(e -> e.getString("device_number").equals(number))
        .findFirst()
        .orElseThrow();
  }

  private JsonObject lastAttempt(String number) {
    return api.lastAttempt(number);
  }

  private long activeVouchers(String deviceId) {
    return api
        .adminGet("api/v1/admin/devices/" + deviceId + "/vouchers")
        .json()
        .getJsonArray("items")
        .stream()
        .filter(v -> v.asJsonObject().getBoolean("active"))
        .count();
  }

  private static String deviceId(Answer answer) {
    return answer.json().getJsonObject("data").getString("device_id");
  }

  private JsonObject device(String id) {
    return api.adminGet("api/v1/admin/devices/" + id).json();
  }
}
