package io.otos.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.otos.core.secret.DeviceKeys;
import io.otos.core.secret.Hmac;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The signatures of docs/api.md's worked example, computed there with openssl. */
class SignMethodTest {

  private static final String SECRET = "s3cr3t-template-secret-0001";
  private static final String TEMPLATE = "3f1c2a9e-6b1d-4c0e-9a57-2f8e4b7d1c30";
  private static final String NUMBER = "MAC-00-11-22";

  private static SignedRequest request(SignMethod method) {
    return new SignedRequest(
        TEMPLATE,
        Optional.of(UUID.fromString(TEMPLATE)),
        Optional.empty(),
        NUMBER,
        1795769980268L,
        "nonce_0123456789ab",
        method,
        new byte[32]);
  }

  @Test
  void theCanonicalStringJoinsIdentifierNumberTimestampAndNonceWithNewlines() {
    assertThat(request(SignMethod.HMAC_SHA256).canonical())
        .isEqualTo(TEMPLATE + "\nMAC-00-11-22\n1795769980268\nnonce_0123456789ab");
  }

  @Test
  void hmacSha256SignsWithTheTemplateSecret() {
    assertThat(HexFormat.of().formatHex(request(SignMethod.HMAC_SHA256).expectedWith(SECRET)))
        .isEqualTo("2a99a8ada3e1371469fb9b05dd1e1b72c61dbaf5d2f0a7d553e77c85b70a106a");
  }

  @Test
  void theDeviceMethodSignsWithTheKeyDerivedFromSecretAndNumber() {
    assertThat(Hmac.hex(DeviceKeys.derive(SECRET, NUMBER)))
        .isEqualTo("1fe6a0ad6cc9b095243776f6fe6c23b3c009ccdc9ec06cb795b14bd1e5b8f092");
    assertThat(
            HexFormat.of().formatHex(request(SignMethod.HMAC_SHA256_DEVICE).expectedWith(SECRET)))
        .isEqualTo("e71bcc0d058222f510746f626ae7414850d4a6b26f0002fa3a6811e11f8cc265");
  }

  @Test
  void methodsAreNamedAsRequestsNameThem() {
    assertThat(SignMethod.ofWireName("hmac-sha256")).contains(SignMethod.HMAC_SHA256);
    assertThat(SignMethod.ofWireName("hmac-sha256-device")).contains(SignMethod.HMAC_SHA256_DEVICE);
    assertThat(SignMethod.ofWireName("HMAC-SHA256")).isEmpty();
  }
}
