package io.otos.server.it;

import static io.otos.server.it.ApiClient.uniqueNumber;
import static org.assertj.core.api.Assertions.assertThat;

import io.otos.server.it.ApiClient.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Signed mode: devices prove they hold the template secret (or a key derived from it) without
 * sending it; a captured request cannot be replayed; a template can refuse plaintext requests.
 */
class SignedRequestsIT extends AgainstTheServer {

  @Test
  void aRequestSignedWithTheTemplateSecretProvisionsTheDevice() {
    String number = uniqueNumber();
    Answer answer =
        api.deviceAuth(Signer.withSecret(template.id().toString(), template.secret(), number));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().getJsonObject("data").getString("voucher")).contains("password");
    assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
    JsonObject attempt = api.lastAttempt(number);
    assertThat(attempt.getString("reason")).isEqualTo("PROVISIONED");
    assertThat(attempt.getString("credential")).isEqualTo("HMAC_SHA256");
    assertThat(attempt.getString("secret_used")).isEqualTo("CURRENT");
    assertThat(
            api.metric(
                "otos_auth_attempts_total", "mode=\"hmac_sha256\"", "reason=\"PROVISIONED\""))
        .isPositive();
  }

  @Test
  void aFactoryFlashesADeviceKeyFromTheManagementApiAndTheDeviceSignsWithItByProductKey() {
    String productKey = api.createProduct(template.id());
    String number = uniqueNumber();
    Answer issued =
        api.adminGet(
            "api/v1/admin/templates/" + template.id() + "/device-keys?device_number=" + number);
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    String key = issued.json().getString("device_key");
    assertThat(key)
        .isEqualTo(HexFormat.of().formatHex(Signer.deviceKey(template.secret(), number)));
    assertThat(issued.json().getString("sign_method")).isEqualTo("hmac-sha256-device");

    Answer answer =
        api.deviceAuth(
            Signer.withDeviceKey(
                "product_key",
                productKey,
                HexFormat.of().parseHex(key),
                number,
                System.currentTimeMillis(),
                Signer.nonce()));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(api.lastAttempt(number).getString("credential")).isEqualTo("HMAC_SHA256_DEVICE");
    String deviceId = answer.json().getJsonObject("data").getString("device_id");
    assertThat(api.adminGet("api/v1/admin/devices/" + deviceId).json().getString("product_id"))
        .isNotBlank();

    JsonObject action = api.latestAdminAction();
    assertThat(action.getString("action")).isEqualTo("DEVICE_KEYS_ISSUED");
    assertThat(action.getString("template_id")).isEqualTo(template.id().toString());
    assertThat(action.getString("subject")).isEqualTo(number);
    assertThat(action.getString("actor")).isEqualTo("admin-token");
    assertThat(action.toString()).doesNotContain(key);
  }

  @Test
  void aManufacturingLineGetsTheKeysOfAWholeBatchAsCsv() {
    String first = uniqueNumber();
    String quoted = "SN,\"7\"-" + UUID.randomUUID();
    String path = "api/v1/admin/templates/" + template.id() + "/device-keys";
    String csv = "device_number\n" + first + "\n\n\"" + quoted.replace("\"", "\"\"") + "\"\n";

    Answer keys = api.adminPost(path, "text/csv", csv);

    assertThat(keys.status()).as(keys.body()).isEqualTo(200);
    assertThat(keys.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(keys.body().split("\r\n"))
        .containsExactly(
            "device_number,device_key",
            first + "," + HexFormat.of().formatHex(Signer.deviceKey(template.secret(), first)),
            "\""
                + quoted.replace("\"", "\"\"")
                + "\","
                + HexFormat.of().formatHex(Signer.deviceKey(template.secret(), quoted)));
    JsonObject action = api.latestAdminAction();
    assertThat(action.getString("subject")).startsWith("2 device numbers");

    Answer bad = api.adminPost(path, "text/csv", first + "\nbad\u0001number\n");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorCode()).isEqualTo("DEVICE_NUMBERS_INVALID");
    assertThat(bad.json().getString("message")).contains("line 2");
    assertThat(api.adminPost(path, "application/json", "{}").status()).isEqualTo(415);
    assertThat(api.adminGet(path).errorCode()).isEqualTo("DEVICE_NUMBER_MISSING");
    assertThat(
            api.adminGet(
                    "api/v1/admin/templates/" + UUID.randomUUID() + "/device-keys?device_number=x")
                .status())
        .isEqualTo(404);
    assertThat(api.get(path + "?device_number=x").status()).isEqualTo(401);
  }

  @Test
  void aCapturedRequestCannotBeReplayed() {
    String number = uniqueNumber();
    var request = Signer.withSecret(template.id().toString(), template.secret(), number).build();

    assertThat(api.deviceAuth(Json.createObjectBuilder(request)).status()).isEqualTo(200);
    Answer replay = api.deviceAuth(Json.createObjectBuilder(request));

    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.errorCode()).isEqualTo("NONCE_REUSED");
    assertThat(api.lastAttempt(number).getString("reason")).isEqualTo("NONCE_REUSED");
    // The same nonce under a fresh timestamp is a replay too: the nonce is what is remembered.
    assertThat(
            api.deviceAuth(
                    signedAt(number, System.currentTimeMillis() + 1, request.getString("nonce")))
                .errorCode())
        .isEqualTo("NONCE_REUSED");
  }

  @Test
  void aRefusedRequestCannotBeReplayedOnceTheCauseIsMended() {
    String path = "api/v1/admin/templates/" + template.id();
    api.adminPatch(path, Json.createObjectBuilder().add("registration_mode", "ALLOWLIST"));
    String number = uniqueNumber();
    var request = Signer.withSecret(template.id().toString(), template.secret(), number).build();

    assertThat(api.deviceAuth(Json.createObjectBuilder(request)).errorCode())
        .isEqualTo("DEVICE_NOT_ALLOWLISTED");
    api.adminPost(
        path + "/allowlist",
        Json.createObjectBuilder().add("device_numbers", Json.createArrayBuilder().add(number)));

    Answer replay = api.deviceAuth(Json.createObjectBuilder(request));
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.errorCode()).isEqualTo("NONCE_REUSED");
    assertThat(
            api.deviceAuth(Signer.withSecret(template.id().toString(), template.secret(), number))
                .status())
        .isEqualTo(200);
  }

  @Test
  void aTimestampOutsideTheWindowIsRefusedAndSaysTheServersTime() {
    String number = uniqueNumber();
    long stale = System.currentTimeMillis() - 301_000;
    Answer answer = api.deviceAuth(signedAt(number, stale, Signer.nonce()));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.errorCode()).isEqualTo("TIMESTAMP_OUT_OF_WINDOW");
    assertThat(answer.json().getString("message")).contains("server's time");
  }

  @Test
  void aTemplateThatRefusesPlaintextStillAcceptsSignaturesAndRefusesPlaintextLikeAWrongSecret() {
    Answer changed =
        api.adminPatch(
            "api/v1/admin/templates/" + template.id(),
            Json.createObjectBuilder().add("plaintext_allowed", false));
    assertThat(changed.json().getBoolean("plaintext_allowed")).isFalse();
    String number = uniqueNumber();

    Answer plaintext = api.deviceAuth(template.secret(), number);
    Answer wrongSecret = api.deviceAuth("not-the-secret-" + UUID.randomUUID(), uniqueNumber());

    assertThat(plaintext.status()).isEqualTo(401);
    assertThat(plaintext.body()).isEqualTo(wrongSecret.body());
    assertThat(api.lastAttempt(number).getString("reason")).isEqualTo("PLAINTEXT_NOT_ALLOWED");
    assertThat(
            api.deviceAuth(Signer.withSecret(template.id().toString(), template.secret(), number))
                .status())
        .isEqualTo(200);
  }

  @Test
  void duringTheGracePeriodBothSecretsSignAndTheAuditSaysWhich() {
    String oldSecret = template.secret();
    Answer rotated =
        api.adminPost(
            "api/v1/admin/templates/" + template.id() + "/rotate-secret",
            Json.createObjectBuilder().add("grace_seconds", 3600));
    String newSecret = rotated.json().getString("template_secret");
    String number = uniqueNumber();
    String id = template.id().toString();

    assertThat(api.deviceAuth(Signer.withSecret(id, oldSecret, number)).status()).isEqualTo(200);
    assertThat(api.lastAttempt(number).getString("secret_used")).isEqualTo("PREVIOUS");
    assertThat(api.deviceAuth(Signer.withSecret(id, newSecret, number)).status()).isEqualTo(200);
    assertThat(api.lastAttempt(number).getString("secret_used")).isEqualTo("CURRENT");

    api.adminPost(
        "api/v1/admin/templates/" + template.id() + "/rotate-secret",
        Json.createObjectBuilder().add("grace_seconds", 0));
    Answer revoked = api.deviceAuth(Signer.withSecret(id, newSecret, number));
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.errorCode()).isEqualTo("TEMPLATE_SECRET_INVALID");
    assertThat(api.lastAttempt(number).getString("reason")).isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void badlyFormedSignaturesAreRefusedWith400NamingWhatIsWrong() {
    String number = uniqueNumber();
    var valid = Signer.withSecret(template.id().toString(), template.secret(), number).build();

    assertThat(
            api.deviceAuth(Json.createObjectBuilder(valid).add("template_secret", "x".repeat(20)))
                .errorCode())
        .isEqualTo("CREDENTIALS_AMBIGUOUS");
    assertThat(api.deviceAuth(Json.createObjectBuilder(valid).add("timestamp", "now")).errorCode())
        .isEqualTo("FIELD_TYPE_INVALID");
    assertThat(
            api.deviceAuth(Json.createObjectBuilder(valid).add("sign_method", "md5")).errorCode())
        .isEqualTo("SIGN_METHOD_INVALID");
    assertThat(api.deviceAuth(Json.createObjectBuilder(valid).add("nonce", "short")).errorCode())
        .isEqualTo("NONCE_INVALID");
    assertThat(api.deviceAuth(Json.createObjectBuilder(valid).remove("template_id")).errorCode())
        .isEqualTo("TEMPLATE_IDENTIFIER_MISSING");
    Answer upper =
        api.deviceAuth(
            Json.createObjectBuilder(valid)
                .add("signature", valid.getString("signature").toUpperCase()));
    assertThat(upper.status()).isEqualTo(400);
    assertThat(upper.errorCode()).isEqualTo("SIGNATURE_MALFORMED");
  }

  /** A request signed with this test's template secret, at {@code timestamp} with {@code nonce}. */
  private JsonObjectBuilder signedAt(String number, long timestamp, String nonce) {
    return Signer.withSecret(
        "template_id", template.id().toString(), template.secret(), number, timestamp, nonce);
  }
}
