package io.otos.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otos.core.shared.DomainException;
import org.junit.jupiter.api.Test;

class ValidAuthRequestTest {

  private static final String SECRET = "template-secret-value";

  @Test
  void aMinimalRequestHasASecretAndANumber() {
    ValidAuthRequest valid =
        ValidAuthRequest.of(new AuthRequest(SECRET, "MAC-1", null, null, null, null));
    assertThat(valid.deviceNumber().value()).isEqualTo("MAC-1");
    assertThat(valid.deviceName()).isEmpty();
    assertThat(valid.productKey()).isEmpty();
    assertThat(valid.subDevice()).isEmpty();
  }

  @Test
  void aFullRequestCarriesNameProductAndParent() {
    ValidAuthRequest valid =
        ValidAuthRequest.of(new AuthRequest(SECRET, "MAC-2", "Boiler", "pk-1", "GW-1", "slave-7"));
    assertThat(valid.deviceName()).contains("Boiler");
    assertThat(valid.productKey().orElseThrow().value()).isEqualTo("pk-1");
    assertThat(valid.subDevice().orElseThrow().parent().value()).isEqualTo("GW-1");
    assertThat(valid.subDevice().orElseThrow().address()).isEqualTo("slave-7");
  }

  @Test
  void eachInvalidFieldIsNamed() {
    assertRefused(new AuthRequest(SECRET, null, null, null, null, null), "DEVICE_NUMBER_MISSING");
    assertRefused(new AuthRequest(null, "MAC", null, null, null, null), "TEMPLATE_SECRET_MISSING");
    assertRefused(new AuthRequest("", "MAC", null, null, null, null), "TEMPLATE_SECRET_MISSING");
    assertRefused(
        new AuthRequest(SECRET, "MAC", "a\u0001", null, null, null), "DEVICE_NAME_INVALID");
    assertRefused(
        new AuthRequest(SECRET, "MAC", null, "bad key!", null, null), "PRODUCT_KEY_INVALID");
    assertRefused(new AuthRequest(SECRET, "MAC", null, null, "GW", null), "SUB_DEVICE_INCOMPLETE");
    assertRefused(new AuthRequest(SECRET, "MAC", null, null, null, "1"), "SUB_DEVICE_INCOMPLETE");
    assertRefused(new AuthRequest(SECRET, "MAC", null, null, "MAC", "1"), "PARENT_DEVICE_INVALID");
    assertRefused(
        new AuthRequest(SECRET, "MAC", null, null, "G\nW", "1"), "PARENT_DEVICE_NUMBER_INVALID");
    assertRefused(
        new AuthRequest(SECRET, "MAC", null, null, "GW", "x".repeat(256)),
        "SUB_DEVICE_ADDR_TOO_LONG");
  }

  private static final String TEMPLATE = "3f1c2a9e-6b1d-4c0e-9a57-2f8e4b7d1c30";
  private static final String SIGNATURE = "ab".repeat(32);

  private static AuthRequest signed(
      String productKey,
      String templateId,
      Long timestamp,
      String nonce,
      String method,
      String signature) {
    return new AuthRequest(
        null,
        "MAC",
        null,
        productKey,
        null,
        null,
        new AuthRequest.Signing(templateId, timestamp, nonce, method, signature));
  }

  @Test
  void aSignedRequestNamesItsTemplateByIdOrElseByProductKey() {
    SignedRequest byId =
        (SignedRequest)
            ValidAuthRequest.of(
                    signed("pk-1", TEMPLATE, 1L, "n".repeat(16), "hmac-sha256", SIGNATURE))
                .credential();
    assertThat(byId.canonical()).startsWith(TEMPLATE + "\nMAC\n1\n");
    assertThat(byId.productKey()).isEmpty();
    assertThat(byId.method()).isEqualTo(SignMethod.HMAC_SHA256);

    ValidAuthRequest byKey =
        ValidAuthRequest.of(
            signed("pk-1", null, 1L, "n".repeat(64), "hmac-sha256-device", SIGNATURE));
    assertThat(((SignedRequest) byKey.credential()).canonical()).startsWith("pk-1\n");
    assertThat(byKey.productKey()).isPresent();
  }

  @Test
  void eachWrongPartOfASignatureIsNamed() {
    String n = "n".repeat(16);
    assertRefused(signed(null, TEMPLATE, 1L, n, "hmac-md5", SIGNATURE), "SIGN_METHOD_INVALID");
    assertRefused(signed(null, TEMPLATE, 1L, n, null, SIGNATURE), "SIGNATURE_INCOMPLETE");
    assertRefused(signed(null, TEMPLATE, 1L, n, "hmac-sha256", null), "SIGNATURE_INCOMPLETE");
    assertRefused(
        signed(null, TEMPLATE, 1L, n, "hmac-sha256", SIGNATURE.toUpperCase()),
        "SIGNATURE_MALFORMED");
    assertRefused(
        signed(null, TEMPLATE, 1L, n, "hmac-sha256", SIGNATURE + "00"), "SIGNATURE_MALFORMED");
    assertRefused(signed(null, TEMPLATE, null, n, "hmac-sha256", SIGNATURE), "TIMESTAMP_MISSING");
    assertRefused(signed(null, TEMPLATE, -1L, n, "hmac-sha256", SIGNATURE), "TIMESTAMP_INVALID");
    assertRefused(
        signed(null, TEMPLATE, 1L, null, "hmac-sha256", SIGNATURE), "SIGNATURE_INCOMPLETE");
    assertRefused(signed(null, TEMPLATE, 1L, "short", "hmac-sha256", SIGNATURE), "NONCE_INVALID");
    assertRefused(
        signed(null, TEMPLATE, 1L, "n".repeat(65), "hmac-sha256", SIGNATURE), "NONCE_INVALID");
    assertRefused(
        signed(null, TEMPLATE, 1L, "n".repeat(15) + "!", "hmac-sha256", SIGNATURE),
        "NONCE_INVALID");
    assertRefused(
        signed(null, "not-a-uuid", 1L, n, "hmac-sha256", SIGNATURE), "TEMPLATE_ID_INVALID");
    assertRefused(
        signed(null, null, 1L, n, "hmac-sha256", SIGNATURE), "TEMPLATE_IDENTIFIER_MISSING");
    assertRefused(
        new AuthRequest(
            SECRET,
            "MAC",
            null,
            null,
            null,
            null,
            new AuthRequest.Signing(TEMPLATE, 1L, n, "hmac-sha256", SIGNATURE)),
        "CREDENTIALS_AMBIGUOUS");
  }

  @Test
  void theSecretNeverShowsInTheRequestsText() {
    AuthRequest request = new AuthRequest(SECRET, "MAC", null, null, null, null);
    assertThat(request.toString()).doesNotContain(SECRET);
    assertThat(ValidAuthRequest.of(request).toString()).doesNotContain(SECRET);
  }

  private static void assertRefused(AuthRequest request, String code) {
    assertThatThrownBy(() -> ValidAuthRequest.of(request))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }
}
