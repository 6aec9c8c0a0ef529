package io.otos.api.json;

import io.otos.api.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Map;

/**
 * Reads a request body as one JSON object, strictly: JSON media type, at most a given size, valid
 * UTF-8, no duplicate keys. Each refusal is an {@link ApiException} that says which rule the body
 * broke.
 */
public final class JsonBody {

  private static final JsonReaderFactory READERS =
      Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

  /**
   * The largest JSON body most requests accept: far above any real one, far below anything that
   * hurts.
   */
  public static final int MAX_BYTES = 16 * 1024;

  private JsonBody() {}

  /**
   * Reads a body of at most {@link #MAX_BYTES} whose {@code Content-Type} header is {@code
   * contentType}.
   */
  public static JsonObject read(String contentType, InputStream body) {
    return read(contentType, body, MAX_BYTES);
  }

  /** As {@link #read(String, InputStream)}, with another size limit. */
  public static JsonObject read(String contentType, InputStream body, int maxBytes) {
    return read(mediaType(contentType), body, maxBytes);
  }

  /**
   * @param contentType the request's media type, or {@code null} when it sent none
   * @param maxBytes the largest body accepted
   */
  public static JsonObject read(MediaType contentType, InputStream body, int maxBytes) {
    requireJson(contentType);
    String text = TextBody.text(body, maxBytes);
    if (text.isEmpty()) {
      throw ApiException.badRequest("BODY_MISSING", "The body must be a JSON object; it is empty");
    }
    JsonValue value;
    try (JsonReader reader = READERS.createReader(new StringReader(text))) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      throw ApiException.badRequest(
          "MALFORMED_JSON", "The body is not valid JSON" + at(e.getLocation()));
    } catch (JsonException | IllegalStateException e) {
      throw ApiException.badRequest("MALFORMED_JSON", "The body is not valid JSON");
    } catch (RuntimeException e) {
      // Parsson refuses input nested deeper than its limit with a bare RuntimeException.
      throw ApiException.badRequest(
          "MALFORMED_JSON", "The body is not valid JSON, or is nested too deeply");
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw ApiException.badRequest("BODY_NOT_OBJECT", "The body must be a JSON object");
    }
    return value.asJsonObject();
  }

  /**
   * The media type a header names, or {@code null} when there is none; one that does not parse is a
   * 415.
   */
  static MediaType mediaType(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return MediaType.valueOf(header);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type is malformed; it must be application/json");
    }
  }

  static void requireJson(MediaType contentType) {
    boolean json =
        contentType != null
            && "application".equalsIgnoreCase(contentType.getType())
            && ("json".equalsIgnoreCase(contentType.getSubtype())
                || contentType.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    if (!json) {
      throw new ApiException(
          415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
    }
    String charset = contentType.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
      throw new ApiException(415, "UNSUPPORTED_CHARSET", "The body must be encoded in UTF-8");
    }
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNumber() < 0) {
      return "";
    }
    return " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
  }
}
