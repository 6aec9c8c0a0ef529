package io.otos.server.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Speaks HTTP to the deployed service, as a device or as an admin would. */
final class ApiClient {

  /**
   * HTTP/1.1, as device firmware speaks it. (The client's default, HTTP/2, asks to upgrade each new
   * connection, and Payara then reads the body of that first request on a second request thread:
   * with every other thread busy, the request waited for one.)
   */
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  private final URI base;

  ApiClient(URL base) {
    this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
  }

  /** An answer: status, headers, and the body as text and as JSON. */
  record Answer(int status, HttpHeaders headers, String body) {
    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    String errorCode() {
      return json().getJsonObject("data").getString("error");
    }

    /** The device a successful device auth names. */
    String deviceId() {
      return json().getJsonObject("data").getString("device_id");
    }

    /** The voucher a successful device auth issued. */
    JsonObject voucher() {
      String voucher = json().getJsonObject("data").getString("voucher");
      return Json.createReader(new StringReader(voucher)).readObject();
    }
  }

  /** A template created through the management API, with its secret. */
  record Template(UUID id, String secret) {}

  Answer deviceAuth(JsonObjectBuilder body) {
    return post(
        "api/v1/device/auth",
        "application/json",
        body.build().toString().getBytes(StandardCharsets.UTF_8));
  }

  Answer deviceAuth(String secret, String deviceNumber) {
    return deviceAuth(
        Json.createObjectBuilder()
            .add("template_secret", secret)
            .add("device_number", deviceNumber));
  }

  /** A device auth with {@code body}, as if from {@code address} by way of a proxy that says so. */
  Answer deviceAuthFrom(String address, JsonObjectBuilder body) {
    return postFrom(
        "203.0.113.250, " + address,
        "api/v1/device/auth",
        "application/json",
        body.build().toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The audit trail's latest attempt for the device number. */
  JsonObject lastAttempt(String number) {
    return adminGet("api/v1/admin/auth-attempts?limit=1&device_number=" + number)
        .json()
        .getJsonArray("items")
        .getJsonObject(0);
  }

  /** The admin-action audit's latest entry. */
  JsonObject latestAdminAction() {
    return adminGet("api/v1/admin/admin-actions?limit=1")
        .json()
        .getJsonArray("items")
        .getJsonObject(0);
  }

  /** A device auth as if from {@code address}, by way of a proxy that says so. */
  Answer deviceAuthFrom(String address, String secret, String deviceNumber) {
    return deviceAuthFrom(
        address,
        Json.createObjectBuilder()
            .add("template_secret", secret)
            .add("device_number", deviceNumber));
  }

  Answer post(String path, String contentType, byte[] body) {
    return post(HttpRequest.newBuilder(base.resolve(path)), contentType, body);
  }

  /**
   * A POST of raw bytes as if from {@code address} (an {@code X-Forwarded-For} value, the last
   * address counting); {@code contentType} may be {@code null}.
   */
  Answer postFrom(String address, String path, String contentType, byte[] body) {
    return post(
        HttpRequest.newBuilder(base.resolve(path)).header("X-Forwarded-For", address),
        contentType,
        body);
  }

  private static Answer post(HttpRequest.Builder request, String contentType, byte[] body) {
    request.POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  Answer getWithHeader(String path, String name, String value) {
    return send(HttpRequest.newBuilder(base.resolve(path)).header(name, value).GET());
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Answer adminGet(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", bearer()).GET());
  }

  Answer adminPost(String path, JsonObjectBuilder body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", bearer())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())));
  }

  Answer adminPatch(String path, JsonObjectBuilder body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", bearer())
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body.build().toString())));
  }

  Answer adminPost(String path) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", bearer())
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  Answer adminPost(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", bearer())
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer adminDelete(String path) {
    return send(
        HttpRequest.newBuilder(base.resolve(path)).header("Authorization", bearer()).DELETE());
  }

  Template createTemplate() {
    Answer answer =
        adminPost(
            "api/v1/admin/templates",
            Json.createObjectBuilder().add("name", "template " + UUID.randomUUID()));
    if (answer.status() != 201) {
      throw new AssertionError("could not create a template: " + answer);
    }
    JsonObject json = answer.json();
    return new Template(UUID.fromString(json.getString("id")), json.getString("template_secret"));
  }

  String createProduct(UUID templateId) {
    Answer answer =
        adminPost(
            "api/v1/admin/products",
            Json.createObjectBuilder()
                .add("name", "product")
                .add("template_id", templateId.toString()));
    if (answer.status() != 201) {
      throw new AssertionError("could not create a product: " + answer);
    }
    return answer.json().getString("product_key");
  }

  private static String bearer() {
    return "Bearer " + TestEnvironment.adminToken();
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      Answer answer = new Answer(response.statusCode(), response.headers(), response.body());
      recordSecrets(answer);
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Writes down the secrets an answer carries, for the search of the server logs. */
  private static void recordSecrets(Answer answer) {
    String type = answer.headers().firstValue("Content-Type").orElse("");
    if (type.startsWith("text/csv")) {
      answer
          .body()
          .lines()
          .skip(1)
          .forEach(line -> SecretsSeen.record(line.substring(line.lastIndexOf(',') + 1)));
      return;
    }
    if (!type.startsWith("application/json") || !answer.body().startsWith("{")) {
      return;
    }
    JsonObject json;
    try {
      json = answer.json();
    } catch (RuntimeException notJson) {
      return;
    }
    SecretsSeen.record(json.getString("template_secret", null));
    SecretsSeen.record(json.getString("device_key", null));
    if (json.get("data") instanceof JsonObject data
        && data.get("voucher") instanceof JsonString voucher) {
      SecretsSeen.record(
          Json.createReader(new StringReader(voucher.getString()))
              .readObject()
              .getString("password", null));
    }
  }

  static String uniqueNumber() {
    return "dev-" + UUID.randomUUID();
  }

  /** An address no other request of this test run came from (documentation range). */
  static String uniqueAddress() {
    int n = ADDRESSES.incrementAndGet();
    return "2001:db8::" + Integer.toHexString(n >>> 16) + ":" + Integer.toHexString(n & 0xffff);
  }

  /**
   * The value of one of OTOS's metrics on {@code /metrics}: the first series of that name whose
   * labels contain each of {@code labels} (such as {@code limit="source"}).
   */
  double metric(String name, String... labels) {
    String metrics = metrics();
    return series(metrics, name, labels)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no " + name + " " + String.join(",", labels) + " in " + metrics));
  }

  /**
   * A counter's value, as {@link #metric}, or 0 while nothing has counted it yet: a counter is not
   * listed until then.
   */
  double counter(String name, String... labels) {
    return series(metrics(), name, labels).orElse(0);
  }

  /** What {@code /metrics} lists of OTOS's own; a failed answer fails the caller. */
  private String metrics() {
    Answer answer = get("/metrics?scope=application");
    if (answer.status() != 200) {
      throw new AssertionError("/metrics answered " + answer.status());
    }
    return answer.body();
  }

  private static OptionalDouble series(String metrics, String name, String... labels) {
    Matcher series = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
    while (series.find()) {
      String found = series.group(1);
      if (Arrays.stream(labels).allMatch(found::contains)) {
        return OptionalDouble.of(Double.parseDouble(series.group(2)));
      }
    }
    return OptionalDouble.empty();
  }
}
