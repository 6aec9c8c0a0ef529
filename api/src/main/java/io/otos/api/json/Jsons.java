package io.otos.api.json;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * Builds JSON with one JSON-P provider found once. {@code jakarta.json.Json}'s static methods look
 * the provider up with a ServiceLoader on every call, which scans the class path under the class
 * loaders' locks: under load, request threads queued there (seen in JFR).
 */
public final class Jsons {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}

  public static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
  }
}
