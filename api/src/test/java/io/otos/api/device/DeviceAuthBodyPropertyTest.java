package io.otos.api.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.otos.api.error.ApiException;
import io.otos.api.json.JsonBody;
import io.otos.core.auth.ValidAuthRequest;
import io.otos.core.shared.DomainException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever body reaches the device auth API, reading and checking it ends in a request or in a
 * client error (4xx) that says what is wrong: never in another exception, which would be a 500.
 */
class DeviceAuthBodyPropertyTest {

  private static final List<String> FIELDS =
      List.of(
          "template_secret",
          "device_number",
          "device_name",
          "product_key",
          "parent_device_number",
          "sub_device_addr",
          "template_id",
          "timestamp",
          "nonce",
          "sign_method",
          "signature");

  @Property(tries = 1000)
  void anyMixOfFieldsAndTypesIsReadOrRefusedAsAClientError(
      @ForAll("bodies") JsonObjectBuilder body) {
    assertReadOrRefused(body.build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Property(tries = 1000)
  void anyBytesAreReadOrRefusedAsAClientError(@ForAll("bytes") byte[] body) {
    assertReadOrRefused(body);
  }

  private static void assertReadOrRefused(byte[] body) {
    try {
      var json =
          JsonBody.read(
              MediaType.APPLICATION_JSON_TYPE, new ByteArrayInputStream(body), JsonBody.MAX_BYTES);
      ValidAuthRequest.of(DeviceAuthBody.parse(json));
    } catch (ApiException refused) {
      assertThat(refused.status()).isBetween(400, 499);
      assertThat(refused.code()).matches("[A-Z][A-Z0-9_]*");
    } catch (DomainException refused) {
      assertThat(refused.kind()).isEqualTo(DomainException.Kind.INVALID);
    }
  }

  @Provide
  Arbitrary<JsonObjectBuilder> bodies() {
    return Arbitraries.subsetOf(FIELDS)
        .flatMap(
            fields ->
                values()
                    .list()
                    .ofSize(fields.size())
                    .map(
                        values -> {
                          JsonObjectBuilder body = Json.createObjectBuilder();
                          int i = 0;
                          for (String field : fields) {
                            body.add(field, values.get(i++));
                          }
                          return body;
                        }));
  }

  private Arbitrary<JsonValue> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(300).map(Json::createValue),
        Arbitraries.strings().alpha().numeric().withChars("_-").ofLength(32).map(Json::createValue),
        Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).map(Json::createValue),
        Arbitraries.longs().map(Json::createValue),
        Arbitraries.doubles().map(Json::createValue),
        Arbitraries.of(
            JsonValue.NULL,
            JsonValue.TRUE,
            JsonValue.FALSE,
            JsonValue.EMPTY_JSON_ARRAY,
            JsonValue.EMPTY_JSON_OBJECT,
            Json.createValue(new BigDecimal("1e400")),
            Json.createValue(new BigDecimal("1e-400")),
            Json.createValue(new BigDecimal("99999999999999999999999")),
            Json.createValue("hmac-sha256"),
            Json.createValue("hmac-sha256-device"),
            Json.createValue("3f1c2a9e-6b1d-4c0e-9a57-2f8e4b7d1c30"),
            Json.createArrayBuilder().add("a").add(1).build(),
            Json.createObjectBuilder().add("$ne", "").build()));
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
        Arbitraries.strings()
            .withChars("{}[]\":,\\ 0123456789.eE+-truefalsnl\u00e9\u0000")
            .ofMaxLength(200)
            .map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
