package io.otos.core.shared;

/**
 * A neutral window onto an ordered list: skip {@code offset} items, return at most {@code limit}.
 */
public record PageRequest(int offset, int limit) {

  public static final int MAX_LIMIT = 500;
  public static final int DEFAULT_LIMIT = 50;

  public PageRequest {
    if (offset < 0) {
      throw DomainException.invalid("OFFSET_INVALID", "offset must be zero or more");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw DomainException.invalid("LIMIT_INVALID", "limit must be between 1 and " + MAX_LIMIT);
    }
  }
}
