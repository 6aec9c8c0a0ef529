package io.otos.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.otos.core.shared.DomainException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever a device sends, checking its request either gives a valid request or refuses it as
 * invalid input (a 400), naming what is wrong without repeating the secret.
 */
class ValidAuthRequestPropertyTest {

  @Property(tries = 2000)
  void anyRequestIsAcceptedOrRefusedAsInvalidInput(
      @ForAll("field") String secret,
      @ForAll("field") String number,
      @ForAll("field") String name,
      @ForAll("field") String productKey,
      @ForAll("field") String parent,
      @ForAll("field") String address,
      @ForAll("field") String templateId,
      @ForAll("timestamp") Long timestamp,
      @ForAll("field") String nonce,
      @ForAll("method") String method,
      @ForAll("field") String signature) {
    AuthRequest request =
        new AuthRequest(
            secret,
            number,
            name,
            productKey,
            parent,
            address,
            new AuthRequest.Signing(templateId, timestamp, nonce, method, signature));
    try {
      ValidAuthRequest valid = ValidAuthRequest.of(request);
      assertThat(valid.deviceNumber().value()).isEqualTo(number);
      if (valid.credential() instanceof SignedRequest signed) {
        assertThat(signed.canonical()).contains("\n" + number + "\n" + timestamp + "\n" + nonce);
      }
    } catch (DomainException refused) {
      assertThat(refused.kind()).isEqualTo(DomainException.Kind.INVALID);
      assertThat(refused.code()).matches("[A-Z][A-Z0-9_]*");
      if (secret != null && secret.length() >= 8) {
        assertThat(refused.getMessage()).doesNotContain(secret);
      }
    }
  }

  @Property(tries = 500)
  void aWellFormedSignedRequestIsAccepted(
      @ForAll @StringLength(min = 1, max = 255) String number,
      @ForAll("nonce") String nonce,
      @ForAll("hex") String signature) {
    var request =
        new AuthRequest(
            null,
            number.replaceAll("\\p{Cntrl}|\\p{Cf}", "x").strip().isEmpty()
                ? "x"
                : number.replaceAll("\\p{Cntrl}|\\p{Cf}", "x"),
            null,
            null,
            null,
            null,
            new AuthRequest.Signing(
                "3f1c2a9e-6b1d-4c0e-9a57-2f8e4b7d1c30", 1L, nonce, "hmac-sha256", signature));
    try {
      assertThat(ValidAuthRequest.of(request).credential()).isInstanceOf(SignedRequest.class);
    } catch (DomainException refused) {
      // Only the device number may be refused (e.g. white space around it).
      assertThat(refused.code()).startsWith("DEVICE_NUMBER");
    }
  }

  @Provide
  Arbitrary<String> field() {
    return Arbitraries.oneOf(
        Arbitraries.just(null),
        Arbitraries.just(""),
        Arbitraries.strings().ofMaxLength(300),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5),
        Arbitraries.strings().alpha().numeric().withChars("_-").ofMinLength(10).ofMaxLength(70),
        Arbitraries.strings().withChars("0123456789abcdef").ofLength(64),
        Arbitraries.of(
            "3f1c2a9e-6b1d-4c0e-9a57-2f8e4b7d1c30",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "\uD800",
            "a\u202Eb",
            "x".repeat(256)));
  }

  @Provide
  Arbitrary<Long> timestamp() {
    return Arbitraries.oneOf(
        Arbitraries.just(null), Arbitraries.longs(), Arbitraries.just(Long.MIN_VALUE));
  }

  @Provide
  Arbitrary<String> method() {
    return Arbitraries.oneOf(
        Arbitraries.of("hmac-sha256", "hmac-sha256-device", "HMAC-SHA256", "none"), field());
  }

  @Provide
  Arbitrary<String> nonce() {
    return Arbitraries.strings().alpha().numeric().withChars("_-").ofMinLength(16).ofMaxLength(64);
  }

  @Provide
  Arbitrary<String> hex() {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
  }
}
