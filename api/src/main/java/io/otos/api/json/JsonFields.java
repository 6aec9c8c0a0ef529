package io.otos.api.json;

import io.otos.api.error.ApiException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;

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

  /** The boolean in {@code field}, empty when absent; {@code null} is refused. */
  public static Optional<Boolean> optionalBoolean(JsonObject body, String field) {
    JsonValue value = body.get(field);
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.getValueType()) {
      case TRUE -> Optional.of(true);
      case FALSE -> Optional.of(false);
      default -> throw typeError(field, "true or false", value);
    };
  }

  /**
   * The whole number in {@code field}: empty when absent, an empty {@link OptionalInt} when {@code
   * null}.
   */
  public static Optional<OptionalInt> nullableInt(JsonObject body, String field) {
    JsonValue value = body.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.of(OptionalInt.empty());
    }
    return Optional.of(OptionalInt.of(intValue(value, field)));
  }

  /** The whole number in {@code field}, which must be there. */
  public static int requiredInt(JsonObject body, String field) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw ApiException.badRequest("FIELD_MISSING", field + " is required");
    }
    return intValue(value, field);
  }

  /** The whole number in {@code field}, or {@code null} when it is absent or JSON {@code null}. */
  public static Long nullableLong(JsonObject body, String field) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return whole(value, field, JsonNumber::longValueExact);
  }

  /** The constant of {@code type} named in {@code field}, empty when absent. */
  public static <E extends Enum<E>> Optional<E> optionalEnum(
      JsonObject body, String field, Class<E> type) {
    JsonValue value = body.get(field);
    if (value == null) {
      return Optional.empty();
    }
    String allowed =
        java.util.Arrays.stream(type.getEnumConstants())
            .map(Enum::name)
            .collect(java.util.stream.Collectors.joining(" or "));
    if (value instanceof JsonString string) {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(string.getString())) {
          return Optional.of(constant);
        }
      }
    }
    throw ApiException.badRequest("FIELD_VALUE_INVALID", field + " must be " + allowed);
  }

  /** The strings of the array in {@code field}, which must be there. */
  public static List<String> requiredStrings(JsonObject body, String field) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw ApiException.badRequest("FIELD_MISSING", field + " is required");
    }
    if (!(value instanceof JsonArray array)) {
      throw typeError(field, "an array of strings", value);
    }
    List<String> strings = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString string)) {
        throw typeError(field + "[" + i + "]", "a string", array.get(i));
      }
      strings.add(string.getString());
    }
    return strings;
  }

  private static int intValue(JsonValue value, String field) {
    return whole(value, field, JsonNumber::intValueExact);
  }

  /**
   * {@code value} as a whole number in the range {@code exact} takes, else a 400 naming the field.
   */
  private static <T> T whole(JsonValue value, String field, Function<JsonNumber, T> exact) {
    if (value instanceof JsonNumber number && number.isIntegral()) {
      try {
        return exact.apply(number);
      } catch (ArithmeticException tooLarge) {
        throw ApiException.badRequest("FIELD_VALUE_INVALID", field + " is out of range");
      }
    }
    throw typeError(field, "a whole number", value);
  }

  private static ApiException typeError(String field, String expected, JsonValue value) {
    return ApiException.badRequest(
        "FIELD_TYPE_INVALID", field + " must be " + expected + ", not " + describe(value));
  }

  private static String describe(JsonValue value) {
    return switch (value.getValueType()) {
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NULL -> "null";
      default -> "a " + value.getValueType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
