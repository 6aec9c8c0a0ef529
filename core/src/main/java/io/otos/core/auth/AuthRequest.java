package io.otos.core.auth;

/**
 * A device's authentication request as it arrived, field by field (any may be {@code null}); {@link
 * DeviceAuthService} checks it. {@link #toString()} never shows the secret.
 */
public record AuthRequest(
    String templateSecret,
    String deviceNumber,
    String deviceName,
    String productKey,
    String parentDeviceNumber,
    String subDeviceAddr) {

  @Override
  public String toString() {
    return "AuthRequest[deviceNumber=" + deviceNumber + ", templateSecret=hidden]";
  }
}
