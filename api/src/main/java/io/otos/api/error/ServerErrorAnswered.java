package io.otos.api.error;

import io.otos.api.device.DeviceAuthResource;
import java.util.List;

/**
 * The API answered a request with a 5xx: the service failed it, not the client. Told as it is
 * answered, for the metrics.
 *
 * @param endpoint {@link #DEVICE_AUTH} for the device API, {@link #ADMIN} for the rest of {@code
 *     /api}
 * @param status the answer's status
 */
public record ServerErrorAnswered(String endpoint, int status) {

  public static final String DEVICE_AUTH = "device_auth";
  public static final String ADMIN = "admin";

  /** Every endpoint this tells of. */
  public static final List<String> ENDPOINTS = List.of(DEVICE_AUTH, ADMIN);

  /**
   * The statuses the API answers failures with: 503 when the database cannot be reached, 500 for
   * anything else.
   */
  public static final List<Integer> STATUSES = List.of(500, 503);

  /** The endpoint of a request to {@code path}, relative to {@code /api}. */
  static String endpointOf(String path) {
    return path.equals(DeviceAuthResource.PATH) ? DEVICE_AUTH : ADMIN;
  }
}
