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
