package io.otos.api.json;

import io.otos.api.error.ApiException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.UUID;

/**
 * Typed access to the fields of a JSON request body; a field of the wrong type is a 400 naming it.
 */
public final class JsonFields {

  private JsonFields() {}

  /** The string in {@code field}, or {@code null} when it is absent or JSON {@code null}. */
  public static String string(JsonObject body, String field) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    throw ApiException.badRequest(
        "FIELD_TYPE_INVALID", field + " must be a string, not " + describe(value));
  }

  public static Optional<String> optionalString(JsonObject body, String field) {
    return Optional.ofNullable(string(body, field));
  }

  public static String requiredString(JsonObject body, String field) {
    String value = string(body, field);
    if (value == null) {
      throw ApiException.badRequest("FIELD_MISSING", field + " is required");
    }
    return value;
  }

  public static UUID requiredUuid(JsonObject body, String field) {
    return Ids.parse(requiredString(body, field), field);
  }

  private static String describe(JsonValue value) {
    return switch (value.getValueType()) {
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> "a " + value.getValueType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
