package io.otos.api.admin;

import io.otos.api.error.ApiException;
import io.otos.core.shared.PageRequest;

/**
 * Reads {@code offset} and {@code limit} query parameters; answers pages as {@code {items, total}}.
 */
final class Paging {

  private Paging() {}

  static PageRequest of(String offset, String limit) {
    return new PageRequest(
        number(offset, "offset", 0), number(limit, "limit", PageRequest.DEFAULT_LIMIT));
  }

  private static int number(String value, String name, int fallback) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          name.toUpperCase(java.util.Locale.ROOT) + "_INVALID", name + " must be a whole number");
    }
  }
}
