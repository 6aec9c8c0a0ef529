package io.otos.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otos.api.error.ApiException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

  private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

  @Test
  void readsAJsonObject() {
    assertThat(read(JSON, "{\"device_number\":\"A1\"}").getString("device_number")).isEqualTo("A1");
    assertThat(read(new MediaType("application", "json", Map.of("charset", "UTF-8")), "{}"))
        .isEmpty();
    assertThat(read(new MediaType("application", "merge-patch+json"), "{}")).isEmpty();
  }

  @Test
  void refusesWhatIsNotJsonWithTheRightStatus() {
    assertRefused(MediaType.TEXT_PLAIN_TYPE, "{}", 415, "UNSUPPORTED_MEDIA_TYPE");
    assertRefused(null, "{}", 415, "UNSUPPORTED_MEDIA_TYPE");
    assertRefused(
        new MediaType("application", "json", Map.of("charset", "ISO-8859-1")),
        "{}",
        415,
        "UNSUPPORTED_CHARSET");
    assertRefused(JSON, "", 400, "BODY_MISSING");
    assertRefused(JSON, "{", 400, "MALFORMED_JSON");
    assertRefused(JSON, "[]", 400, "BODY_NOT_OBJECT");
    assertRefused(JSON, "null", 400, "BODY_NOT_OBJECT");
    assertRefused(JSON, "{\"a\":1,\"a\":2}", 400, "MALFORMED_JSON");
    assertRefused(JSON, "[".repeat(3000), 400, "MALFORMED_JSON");
    assertRefused(JSON, "{\"a\":\"" + "x".repeat(100) + "\"}", 413, "BODY_TOO_LARGE", 64);
  }

  @Test
  void refusesInvalidUtf8() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'};
    assertThatThrownBy(() -> JsonBody.read(JSON, new ByteArrayInputStream(body), 1024))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo("BODY_NOT_UTF8"));
  }

  @Test
  void theMessageOfMalformedJsonSaysWhereButNotWhat() {
    assertThatThrownBy(() -> read(JSON, "{\"secret\": s3cr3t}"))
        .hasMessageContaining("line 1")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
  }

  private static jakarta.json.JsonObject read(MediaType type, String body) {
    return JsonBody.read(
        type, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), 16 * 1024);
  }

  private static void assertRefused(MediaType type, String body, int status, String code) {
    assertRefused(type, body, status, code, 16 * 1024);
  }

  private static void assertRefused(MediaType type, String body, int status, String code, int max) {
    assertThatThrownBy(
            () ->
                JsonBody.read(
                    type, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), max))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(status);
              assertThat(e.code()).isEqualTo(code);
            });
  }
}
