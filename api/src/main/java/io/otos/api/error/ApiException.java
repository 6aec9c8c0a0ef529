package io.otos.api.error;

/**
 * A request the API refuses before it reaches the domain: a body that is not JSON, too large, of
 * the wrong type, a bad query parameter. The message names what is wrong and never repeats what the
 * client sent.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
