package io.otos.server.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Request bodies an attacker or a broken firmware sends: wrong types, huge and deeply nested JSON,
 * invalid UTF-8, control characters, SQL and script fragments, duplicate keys, numbers out of
 * range, wrong content types. Generated from a seed, so that a failure can be replayed.
 */
final class HostileBodies {

  /** One request to send: what it is, its content type (or none) and its bytes. */
  record Hostile(String kind, String contentType, byte[] body) {}

  private static final String JSON = "application/json";
  private static final String[] FIELDS = {
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
    "signature"
  };
  private static final String[] FRAGMENTS = {
    "' OR '1'='1",
    "'; DROP TABLE device; --",
    "\" OR \"\"=\"",
    "1; SELECT pg_sleep(5)",
    "<script>alert(1)</script>",
    "${jndi:ldap://x/a}",
    "../../etc/passwd",
    "%00",
    "\\u0000",
    "{{7*7}}",
    "$where",
    "\u202Eevil",
    "\uFEFF",
    "😀",
    "\uD83D",
    "NaN",
    "-0",
    "true"
  };
  private static final String[] NUMBERS = {
    "1e400", "-1e400", "9223372036854775808", "-9223372036854775809", "1.5", "-1", "0",
    "1E+2", "123456789012345678901234567890", "0x10", "Infinity", "NaN", "01", "-0.0e-0"
  };

  private final Random random;

  HostileBodies(long seed) {
    this.random = new Random(seed);
  }

  List<Hostile> next(int count) {
    List<Supplier<Hostile>> makers =
        List.of(
            this::wrongTypes,
            this::hostileStrings,
            this::controlCharacters,
            this::numbersOutOfRange,
            this::duplicateKeys,
            this::deepNesting,
            this::invalidUtf8,
            this::randomBytes,
            this::notAnObject,
            this::wrongContentType,
            this::largeStrings,
            this::signedGarbage);
    List<Hostile> bodies = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      bodies.add(makers.get(i % makers.size()).get());
    }
    bodies.add(
        new Hostile(
            "huge body",
            JSON,
            ("{\"device_number\":\"" + "x".repeat(1 << 20) + "\"}")
                .getBytes(StandardCharsets.UTF_8)));
    bodies.add(new Hostile("empty body", JSON, new byte[0]));
    bodies.add(new Hostile("no content type", null, "{}".getBytes(StandardCharsets.UTF_8)));
    return bodies;
  }

  private Hostile wrongTypes() {
    StringBuilder json = new StringBuilder("{");
    for (String field : pick(3)) {
      json.append(quote(field)).append(':').append(anyValue(2)).append(',');
    }
    json.append("\"device_number\":").append(anyValue(1)).append('}');
    return json("wrong types", json.toString());
  }

  private Hostile hostileStrings() {
    StringBuilder json = new StringBuilder("{");
    for (String field : pick(4)) {
      json.append(quote(field)).append(':').append(quote(fragment())).append(',');
    }
    json.append("\"device_number\":").append(quote(fragment() + random.nextInt())).append('}');
    return json("SQL and script fragments", json.toString());
  }

  private Hostile controlCharacters() {
    StringBuilder value = new StringBuilder("\"dev");
    for (int i = 0; i < 5; i++) {
      value.append(String.format("\\u%04x", random.nextInt(0x20)));
    }
    return withField(
        "control characters",
        "\"template_secret\":\"s3cret-s3cret-s3cret\",",
        FIELDS[random.nextInt(FIELDS.length)],
        value + "\"");
  }

  private Hostile numbersOutOfRange() {
    String field = random.nextBoolean() ? "timestamp" : FIELDS[random.nextInt(FIELDS.length)];
    return withField(
        "number out of range",
        "\"sign_method\":\"hmac-sha256\",",
        field,
        NUMBERS[random.nextInt(NUMBERS.length)]);
  }

  private Hostile duplicateKeys() {
    String field = FIELDS[random.nextInt(FIELDS.length)];
    return json(
        "duplicate keys",
        "{" + quote(field) + ":\"a\"," + quote(field) + ":\"b\",\"device_number\":\"x\"}");
  }

  private Hostile deepNesting() {
    int depth = 50 + random.nextInt(8000);
    boolean arrays = random.nextBoolean();
    String open = arrays ? "[" : "{\"a\":";
    String close = arrays ? "]" : "}";
    String value = open.repeat(depth) + "1" + close.repeat(depth);
    return json("deeply nested", "{\"device_number\":" + value + "}");
  }

  private Hostile invalidUtf8() {
    byte[][] broken = {
      {(byte) 0xC3, 0x28},
      {(byte) 0xFF},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0xE2, (byte) 0x82}
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("{\"device_number\":\"dev".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(broken[random.nextInt(broken.length)]);
    out.writeBytes(
        "\",\"template_secret\":\"s3cret-s3cret-s3cret\"}".getBytes(StandardCharsets.UTF_8));
    return new Hostile("invalid UTF-8", JSON, out.toByteArray());
  }

  private Hostile randomBytes() {
    byte[] bytes = new byte[1 + random.nextInt(300)];
    random.nextBytes(bytes);
    return new Hostile("random bytes", JSON, bytes);
  }

  private Hostile notAnObject() {
    String[] values = {
      "[]", "null", "42", "\"text\"", "true", "[{}]", "{", "}", "{\"a\"}", "{,}", "{\"a\":1,}"
    };
    return json("not an object", values[random.nextInt(values.length)]);
  }

  private Hostile wrongContentType() {
    String[] types = {
      "text/plain",
      "application/xml",
      "application/json; charset=ISO-8859-1",
      "multipart/form-data",
      "application/x-www-form-urlencoded",
      "application/json; charset=\"",
      ";;;",
      "*/*",
      "application/"
    };
    return new Hostile(
        "wrong content type",
        types[random.nextInt(types.length)],
        "{\"device_number\":\"x\"}".getBytes(StandardCharsets.UTF_8));
  }

  private Hostile largeStrings() {
    return withField(
        "long strings",
        "",
        FIELDS[random.nextInt(FIELDS.length)],
        "\"" + "A".repeat(200 + random.nextInt(15_000)) + "\"");
  }

  private Hostile signedGarbage() {
    return json(
        "signed mode, garbage",
        "{\"device_number\":\"d"
            + random.nextInt()
            + "\",\"template_id\":"
            + quote(fragment())
            + ",\"timestamp\":"
            + random.nextLong()
            + ",\"nonce\":"
            + quote(fragment())
            + ",\"sign_method\":\"hmac-sha256\",\"signature\":\""
            + "0".repeat(random.nextInt(70))
            + "\"}");
  }

  private String anyValue(int depth) {
    int kind = random.nextInt(depth > 0 ? 8 : 6);
    return switch (kind) {
      case 0 -> String.valueOf(random.nextLong());
      case 1 -> String.valueOf(random.nextDouble() * 1e300);
      case 2 -> random.nextBoolean() ? "true" : "false";
      case 3 -> "null";
      case 4 -> quote(fragment());
      case 5 -> NUMBERS[random.nextInt(NUMBERS.length)];
      case 6 -> "[" + anyValue(depth - 1) + "," + anyValue(depth - 1) + "]";
      default -> "{\"k\":" + anyValue(depth - 1) + "}";
    };
  }

  private List<String> pick(int count) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      fields.add(FIELDS[random.nextInt(FIELDS.length)]);
    }
    return fields.stream().distinct().filter(f -> !f.equals("device_number")).toList();
  }

  private String fragment() {
    return FRAGMENTS[random.nextInt(FRAGMENTS.length)];
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * A body with {@code members} (raw JSON, each ending in a comma), a fresh device number, and
   * {@code field} set to the raw JSON {@code value}.
   */
  private Hostile withField(String kind, String members, String field, String value) {
    return json(
        kind,
        "{"
            + members
            + "\"device_number\":\"d"
            + random.nextInt()
            + "\","
            + quote(field)
            + ":"
            + value
            + "}");
  }

  private static Hostile json(String kind, String text) {
    return new Hostile(kind, JSON, text.getBytes(StandardCharsets.UTF_8));
  }
}
