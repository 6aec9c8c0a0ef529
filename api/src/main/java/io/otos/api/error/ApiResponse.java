package io.otos.api.error;

/**
 * The seed's envelope around every answer: {@code code} equals the HTTP status, {@code message}
 * says what happened, {@code data} holds the result or, for an error, {@code {"error":
 * "STABLE_CODE"}}.
 */
public record ApiResponse<T>(int code, String message, T data) {

  public static <T> ApiResponse<T> success(T data) {
    return new ApiResponse<>(200, "Success", data);
  }

  public static ApiResponse<ErrorData> error(int status, String code, String message) {
    return new ApiResponse<>(status, message, new ErrorData(code));
  }

  /** The machine-readable part of an error. */
  public record ErrorData(String error) {}
}
