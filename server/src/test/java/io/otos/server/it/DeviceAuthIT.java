package io.otos.server.it;

import static io.otos.server.it.ApiClient.uniqueAddress;
import static io.otos.server.it.ApiClient.uniqueNumber;
import static org.assertj.core.api.Assertions.assertThat;

import io.otos.server.it.ApiClient.Answer;
import io.otos.server.it.ApiClient.Template;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/device/auth} in the real server on a real PostgreSQL, over HTTP. */
class DeviceAuthIT extends AgainstTheServer {

  @Test
  void firstAuthProvisionsTheDeviceAndIssuesAVoucher() {
    Answer answer = api.deviceAuth(template.secret(), uniqueNumber());

    assertThat(answer.status()).isEqualTo(200);
    JsonObject json = answer.json();
    assertThat(json.getInt("code")).isEqualTo(200);
    assertThat(json.getString("message")).isEqualTo("Success");
    JsonObject data = json.getJsonObject("data");
    assertThat(UUID.fromString(data.getString("device_id"))).isNotNull();
    JsonObject voucher = answer.voucher();
    assertThat(UUID.fromString(voucher.getString("username"))).isNotNull();
    assertThat(Base64.getUrlDecoder().decode(voucher.getString("password")))
        .hasSizeGreaterThanOrEqualTo(16);
  }

  @Test
  void aFirstAuthStoresTheDeviceProvisionedWithOneActiveVoucher() throws SQLException {
    Answer answer = api.deviceAuth(auth(uniqueNumber()).add("device_name", "Boiler 7"));

    assertThat(answer.status()).isEqualTo(200);
    JsonObject device = api.adminGet("api/v1/admin/devices/" + answer.deviceId()).json();
    assertThat(device.getString("status")).isEqualTo("ACTIVE");
    assertThat(device.getString("name")).isEqualTo("Boiler 7");
    assertThat(device.getString("template_id")).isEqualTo(template.id().toString());
    assertThat(device.getString("last_auth_at")).isNotBlank();
    assertThat(device.isNull("product_id")).isTrue();
    try (var db = TestEnvironment.database();
        var query =
            db.prepareStatement(
                "SELECT username::text, revoked_at IS NULL FROM voucher WHERE device_id = ?::uuid")) {
      query.setString(1, answer.deviceId());
      try (var rows = query.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo(answer.voucher().getString("username"));
        assertThat(rows.getBoolean(2)).isTrue();
        assertThat(rows.next()).isFalse();
      }
    }
  }

  @Test
  void repeatedAuthReturnsTheSameDeviceAndAFreshVoucherAndRevokesTheOldOne() throws SQLException {
    String number = uniqueNumber();
    Answer first = api.deviceAuth(template.secret(), number);
    String firstAuthAt = lastAuthAt(first.deviceId());
    Answer second = api.deviceAuth(template.secret(), number);

    assertThat(second.status()).isEqualTo(200);
    assertThat(second.deviceId()).isEqualTo(first.deviceId());
    assertThat(OffsetDateTime.parse(lastAuthAt(second.deviceId())))
        .isAfter(OffsetDateTime.parse(firstAuthAt));
    assertThat(second.voucher().getString("password"))
        .isNotEqualTo(first.voucher().getString("password"));
    assertThat(second.voucher().getString("username"))
        .isNotEqualTo(first.voucher().getString("username"));
    try (var db = TestEnvironment.database();
        var query =
            db.prepareStatement(
                "SELECT username::text, revoked_at IS NULL, revocation_reason FROM voucher"
                    + " WHERE device_id = ?::uuid ORDER BY issued_at")) {
      query.setString(1, first.deviceId());
      var rows = query.executeQuery();
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo(first.voucher().getString("username"));
      assertThat(rows.getBoolean(2)).as("first voucher active").isFalse();
      assertThat(rows.getString(3)).isEqualTo("REISSUED");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo(second.voucher().getString("username"));
      assertThat(rows.getBoolean(2)).as("second voucher active").isTrue();
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void anUnknownSecretIsRefusedWith401AndAudited() {
    String number = uniqueNumber();
    String wrongSecret = "not-the-secret-" + UUID.randomUUID();
    Answer answer = api.deviceAuth(wrongSecret, number);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().getInt("code")).isEqualTo(401);
    assertThat(answer.errorCode()).isEqualTo("TEMPLATE_SECRET_INVALID");
    assertThat(answer.body()).doesNotContain(wrongSecret);
    Answer audit = api.adminGet("api/v1/admin/auth-attempts?device_number=" + number);
    assertThat(audit.json().getJsonArray("items")).hasSize(1);
    JsonObject attempt = audit.json().getJsonArray("items").getJsonObject(0);
    assertThat(attempt.getString("outcome")).isEqualTo("FAILURE");
    assertThat(attempt.getString("reason")).isEqualTo("TEMPLATE_SECRET_INVALID");
    assertThat(attempt.getString("source_address")).isNotBlank();
    assertThat(audit.body()).doesNotContain(wrongSecret);
  }

  @Test
  void successfulAttemptsAreAuditedWithTheirTemplateAndDevice() {
    String number = uniqueNumber();
    Answer answer = api.deviceAuth(template.secret(), number);
    api.deviceAuth(template.secret(), number);

    var items =
        api.adminGet("api/v1/admin/auth-attempts?outcome=SUCCESS&device_number=" + number)
            .json()
            .getJsonArray("items");
    assertThat(items).hasSize(2);
    assertThat(items.getJsonObject(0).getString("reason")).isEqualTo("REISSUED");
    assertThat(items.getJsonObject(1).getString("reason")).isEqualTo("PROVISIONED");
    assertThat(items.getJsonObject(1).getString("device_id")).isEqualTo(answer.deviceId());
    assertThat(items.getJsonObject(1).getString("template_id")).isEqualTo(template.id().toString());
    assertThat(items.toString())
        .doesNotContain(template.secret())
        .doesNotContain(answer.voucher().getString("password"));
  }

  @Test
  void missingOrInvalidFieldsAreRefusedWith400NamingTheField() {
    var noNumber = Json.createObjectBuilder().add("template_secret", template.secret());
    assertRefused(noNumber, "DEVICE_NUMBER_MISSING", "device_number");
    var noSecret = Json.createObjectBuilder().add("device_number", uniqueNumber());
    assertRefused(noSecret, "TEMPLATE_SECRET_MISSING", "template_secret");
    var longNumber = auth(uniqueNumber()).add("device_number", "x".repeat(256));
    assertRefused(longNumber, "DEVICE_NUMBER_TOO_LONG", "device_number");
    assertRefused(auth("bad\u0000number"), "DEVICE_NUMBER_INVALID", "device_number");
    assertRefused(auth("bad\nnumber"), "DEVICE_NUMBER_INVALID", "device_number");
    var longName = auth(uniqueNumber()).add("device_name", "y".repeat(256));
    assertRefused(longName, "DEVICE_NAME_TOO_LONG", "device_name");
    var tabName = auth(uniqueNumber()).add("device_name", "tab\there");
    assertRefused(tabName, "DEVICE_NAME_INVALID", "device_name");
    var numericNumber = auth(uniqueNumber()).add("device_number", 12345);
    assertRefused(numericNumber, "FIELD_TYPE_INVALID", "device_number");
    var booleanName = auth(uniqueNumber()).add("device_name", true);
    assertRefused(booleanName, "FIELD_TYPE_INVALID", "device_name");
    var arrayKey = auth(uniqueNumber()).add("product_key", Json.createArrayBuilder());
    assertRefused(arrayKey, "FIELD_TYPE_INVALID", "product_key");
    var objectSecret = auth(uniqueNumber()).add("template_secret", Json.createObjectBuilder());
    assertRefused(objectSecret, "FIELD_TYPE_INVALID", "template_secret");
    var addressAlone = auth(uniqueNumber()).add("sub_device_addr", "1");
    assertRefused(addressAlone, "SUB_DEVICE_INCOMPLETE", "parent_device_number");
  }

  @Test
  void unknownFieldsAreIgnored() {
    Answer answer = api.deviceAuth(auth(uniqueNumber()).add("firmware", "1.2.3").add("extra", 42));
    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsRefusedWith400() {
    assertThat(raw("{\"device_number\": ").status()).isEqualTo(400);
    assertThat(raw("{\"device_number\": ").errorCode()).isEqualTo("MALFORMED_JSON");
    assertThat(raw("[1, 2]").errorCode()).isEqualTo("BODY_NOT_OBJECT");
    assertThat(raw("\"text\"").errorCode()).isEqualTo("BODY_NOT_OBJECT");
    assertThat(raw("").errorCode()).isEqualTo("BODY_MISSING");
    assertThat(raw("{\"device_number\":\"a\",\"device_number\":\"b\"}").errorCode())
        .isEqualTo("MALFORMED_JSON");
    assertThat(raw("[".repeat(5000)).status()).isEqualTo(400);
    Answer invalidUtf8 =
        api.post(
            "api/v1/device/auth",
            "application/json",
            new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'});
    assertThat(invalidUtf8.status()).isEqualTo(400);
    assertThat(invalidUtf8.errorCode()).isEqualTo("BODY_NOT_UTF8");
  }

  @Test
  void aBodyOver16KiBIsRefusedWith413() {
    String big = auth(uniqueNumber()).add("padding", "p".repeat(17 * 1024)).build().toString();
    Answer answer = raw(big);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().getInt("code")).isEqualTo(413);
    assertThat(answer.errorCode()).isEqualTo("BODY_TOO_LARGE");
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedWith415() {
    byte[] body = auth(uniqueNumber()).build().toString().getBytes(StandardCharsets.UTF_8);
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
      Answer answer = api.post("api/v1/device/auth", type, body);
      assertThat(answer.status()).as(String.valueOf(type)).isEqualTo(415);
      assertThat(answer.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }
    for (String malformed : new String[] {"application/json;charset", "//"}) {
      Answer answer = api.post("api/v1/device/auth", malformed, body);
      assertThat(answer.status()).as(malformed).isBetween(400, 415);
      assertThat(answer.json().getInt("code")).isEqualTo(answer.status());
      assertThat(answer.headers().firstValue("X-Request-Id")).isPresent();
    }
    assertThat(api.post("api/v1/device/auth", "application/json; charset=utf-8", body).status())
        .isEqualTo(200);
  }

  @Test
  void otherMethodsAndPathsAnswerInTheEnvelope() {
    Answer get = api.get("api/v1/device/auth");
    assertThat(get.status()).isEqualTo(405);
    assertThat(get.json().getInt("code")).isEqualTo(405);
    Answer unknown = api.get("api/v1/device/nothing-here");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void aDeviceNumberBelongsToOneTemplateForLife() {
    String number = uniqueNumber();
    api.deviceAuth(template.secret(), number);
    Template other = api.createTemplate();

    Answer answer = api.deviceAuth(other.secret(), number);

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.errorCode()).isEqualTo("DEVICE_NUMBER_TAKEN");
  }

  @Test
  void aProductKeyLinksTheDeviceToItsProduct() {
    String productKey = api.createProduct(template.id());
    Answer answer = api.deviceAuth(auth(uniqueNumber()).add("product_key", productKey));

    assertThat(answer.status()).isEqualTo(200);
    JsonObject device = api.adminGet("api/v1/admin/devices/" + answer.deviceId()).json();
    assertThat(device.getString("product_id")).isNotBlank();
    JsonObject product =
        api.adminGet("api/v1/admin/products/" + device.getString("product_id")).json();
    assertThat(product.getString("product_key")).isEqualTo(productKey);
  }

  @Test
  void aRepeatedAuthStoresTheNameProductAndPlaceItGivesAndKeepsThoseItLeavesOut() {
    String number = uniqueNumber();
    String gateway = uniqueNumber();
    String gatewayId = api.deviceAuth(template.secret(), gateway).deviceId();
    String productKey = api.createProduct(template.id());
    String id = api.deviceAuth(template.secret(), number).deviceId();

    Answer moved =
        api.deviceAuth(
            subDevice(number, gateway, "bus-3")
                .add("device_name", "Pump 2")
                .add("product_key", productKey));
    JsonObject afterMove = api.adminGet("api/v1/admin/devices/" + id).json();
    Answer plain = api.deviceAuth(template.secret(), number);
    JsonObject afterPlain = api.adminGet("api/v1/admin/devices/" + id).json();

    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.deviceId()).isEqualTo(id);
    assertThat(afterMove.getString("name")).isEqualTo("Pump 2");
    assertThat(afterMove.getString("product_id")).isNotBlank();
    assertThat(afterMove.getString("parent_device_id")).isEqualTo(gatewayId);
    assertThat(afterMove.getString("sub_device_addr")).isEqualTo("bus-3");
    assertThat(afterMove.getString("status")).isEqualTo("ACTIVE");
    assertThat(plain.status()).isEqualTo(200);
    assertThat(afterPlain)
        .as("a repeat without those fields")
        .isEqualTo(withLastAuth(afterMove, afterPlain));
  }

  /** {@code device} with the authentication times of {@code later}. */
  private static JsonObject withLastAuth(JsonObject device, JsonObject later) {
    return Json.createObjectBuilder(device)
        .add("last_auth_at", later.get("last_auth_at"))
        .add("updated_at", later.get("updated_at"))
        .build();
  }

  @Test
  void aProductKeyMustExistAndBelongToTheSecretsTemplate() {
    Answer unknown = api.deviceAuth(auth(uniqueNumber()).add("product_key", "no-such-key"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorCode()).isEqualTo("PRODUCT_KEY_UNKNOWN");

    String othersKey = api.createProduct(api.createTemplate().id());
    Answer foreign = api.deviceAuth(auth(uniqueNumber()).add("product_key", othersKey));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.errorCode()).isEqualTo("PRODUCT_KEY_NOT_IN_TEMPLATE");
  }

  @Test
  void subDevicesHangUnderAnExistingParentAtAnAddressOfTheirOwn() {
    String gateway = uniqueNumber();
    String gatewayId = api.deviceAuth(template.secret(), gateway).deviceId();
    String sensor = uniqueNumber();

    Answer first = api.deviceAuth(subDevice(sensor, gateway, "modbus-1"));
    Answer again = api.deviceAuth(subDevice(sensor, gateway, "modbus-1"));
    Answer intruder = api.deviceAuth(subDevice(uniqueNumber(), gateway, "modbus-1"));

    assertThat(first.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.deviceId()).isEqualTo(first.deviceId());
    assertThat(intruder.status()).isEqualTo(409);
    assertThat(intruder.errorCode()).isEqualTo("SUB_DEVICE_ADDR_TAKEN");
    JsonObject device = api.adminGet("api/v1/admin/devices/" + first.deviceId()).json();
    assertThat(device.getString("parent_device_id")).isEqualTo(gatewayId);
    assertThat(device.getString("sub_device_addr")).isEqualTo("modbus-1");
  }

  @Test
  void aDeviceCannotHangUnderItsOwnSubDevice() {
    String gateway = uniqueNumber();
    String sensor = uniqueNumber();
    api.deviceAuth(template.secret(), gateway);
    assertThat(api.deviceAuth(subDevice(sensor, gateway, "1")).status()).isEqualTo(200);

    Answer cycle = api.deviceAuth(subDevice(gateway, sensor, "9"));

    assertThat(cycle.status()).isEqualTo(400);
    assertThat(cycle.errorCode()).isEqualTo("PARENT_DEVICE_INVALID");
  }

  @Test
  void refusedBodiesAreAuditedToo() {
    String number = uniqueNumber();
    api.deviceAuth(
        Json.createObjectBuilder().add("template_secret", 7).add("device_number", number));
    JsonObject attempt =
        api.adminGet("api/v1/admin/auth-attempts?device_number=" + number)
            .json()
            .getJsonArray("items")
            .getJsonObject(0);
    assertThat(attempt.getString("outcome")).isEqualTo("FAILURE");
    assertThat(attempt.getString("reason")).isEqualTo("FIELD_TYPE_INVALID");
  }

  @Test
  void aSubDeviceNeedsAKnownParentOtherThanItself() {
    String number = uniqueNumber();
    Answer unknownParent = api.deviceAuth(subDevice(number, uniqueNumber(), "1"));
    assertThat(unknownParent.status()).isEqualTo(400);
    assertThat(unknownParent.errorCode()).isEqualTo("PARENT_DEVICE_UNKNOWN");

    Answer ownParent = api.deviceAuth(subDevice(number, number, "1"));
    assertThat(ownParent.status()).isEqualTo(400);
    assertThat(ownParent.errorCode()).isEqualTo("PARENT_DEVICE_INVALID");

    Answer withoutAddress =
        api.deviceAuth(auth(number).add("parent_device_number", uniqueNumber()));
    assertThat(withoutAddress.status()).isEqualTo(400);
    assertThat(withoutAddress.errorCode()).isEqualTo("SUB_DEVICE_INCOMPLETE");
  }

  private jakarta.json.JsonObjectBuilder subDevice(String number, String parent, String address) {
    return auth(number).add("parent_device_number", parent).add("sub_device_addr", address);
  }

  private Answer raw(String body) {
    return api.post(
        "api/v1/device/auth", "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void failuresFromOneAddressAreLimitedWhileItsSuccessesAreNot() {
    String address = uniqueAddress();
    String number = uniqueNumber();
    for (int i = 0; i < SOURCE_LIMIT + 50; i++) {
      assertThat(api.deviceAuthFrom(address, template.secret(), number).status())
          .as("success %d", i + 1)
          .isEqualTo(200);
    }
    int failures = 0;
    Answer throttled;
    do {
      throttled = api.deviceAuthFrom(address, "not-the-secret-0123456789", uniqueNumber());
    } while (throttled.status() == 401 && ++failures < 2 * SOURCE_LIMIT);
    Answer rightButThrottled = api.deviceAuthFrom(address, template.secret(), number);
    Answer elsewhere = api.deviceAuthFrom(uniqueAddress(), template.secret(), number);

    assertThat(failures).isEqualTo(SOURCE_LIMIT);
    assertThat(throttled.status()).as(throttled.body()).isEqualTo(429);
    assertThat(throttled.json().getInt("code")).isEqualTo(429);
    assertThat(throttled.json().getJsonObject("data").getString("error"))
        .isEqualTo("TOO_MANY_FAILED_ATTEMPTS");
    assertThat(throttled.headers().firstValue("Retry-After"))
        .hasValueSatisfying(
            s -> assertThat(Integer.parseInt(s)).isBetween(1, 86400 / SOURCE_LIMIT));
    assertThat(rightButThrottled.status()).isEqualTo(429);
    assertThat(elsewhere.status()).isEqualTo(200);
    assertThat(api.metric("otos_auth_throttled_total", "limit=\"source\"")).isPositive();
  }

  @Test
  void aDeviceNumberThatFailsTooOftenIsRefusedForAWhileEvenWithTheRightSecret() {
    String number = uniqueNumber();
    for (int i = 0; i < DEVICE_NUMBER_LIMIT; i++) {
      assertThat(api.deviceAuthFrom(uniqueAddress(), "not-the-secret-0123456789", number).status())
          .isEqualTo(401);
    }

    Answer throttled = api.deviceAuthFrom(uniqueAddress(), template.secret(), number);

    assertThat(throttled.status()).as(throttled.body()).isEqualTo(429);
    assertThat(throttled.body()).doesNotContain(number);
    assertThat(api.deviceAuthFrom(uniqueAddress(), template.secret(), uniqueNumber()).status())
        .isEqualTo(200);
  }

  private void assertRefused(jakarta.json.JsonObjectBuilder body, String code, String field) {
    Answer answer = api.deviceAuth(body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    JsonObject json = answer.json();
    assertThat(json.getInt("code")).isEqualTo(400);
    assertThat(json.getString("message")).contains(field);
    assertThat(json.getJsonObject("data").getString("error")).isEqualTo(code);
    assertThat(answer.body()).doesNotContain(template.secret());
  }

  private String lastAuthAt(String deviceId) {
    return api.adminGet("api/v1/admin/devices/" + deviceId).json().getString("last_auth_at");
  }
}
