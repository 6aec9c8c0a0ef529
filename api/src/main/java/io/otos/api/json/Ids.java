package io.otos.api.json;

import io.otos.api.error.ApiException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parses the UUIDs that name resources in paths, query parameters and bodies. */
public final class Ids {

  private static final Pattern UUID_FORMAT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Ids() {}

  public static UUID parse(String value, String field) {
    if (value == null || !UUID_FORMAT.matcher(value).matches()) {
      throw ApiException.badRequest("ID_INVALID", field + " must be a UUID");
    }
    return UUID.fromString(value);
  }
}
