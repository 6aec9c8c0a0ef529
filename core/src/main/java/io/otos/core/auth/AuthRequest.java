package io.otos.core.auth;

/**
 * A device's authentication request as it arrived, field by field (any may be {@code null}); {@link
 * DeviceAuthService} checks it. It carries the template secret (the seed's plaintext mode) or a
 * signature over the other fields (signed mode). {@link #toString()} never shows the secret.
 */
public record AuthRequest(
    String templateSecret,
    String deviceNumber,
    String deviceName,
    String productKey,
    String parentDeviceNumber,
    String subDeviceAddr,
    Signing signing) {

  /** The seed's request: the template secret and the device's fields, no signature. */
  public AuthRequest(
      String templateSecret,
      String deviceNumber,
      String deviceName,
      String productKey,
      String parentDeviceNumber,
      String subDeviceAddr) {
    this(
        templateSecret,
        deviceNumber,
        deviceName,
        productKey,
        parentDeviceNumber,
        subDeviceAddr,
        Signing.NONE);
  }

  /** The fields of signed mode as they arrived, each {@code null} when absent. */
  public record Signing(
      String templateId, Long timestamp, String nonce, String signMethod, String signature) {

    static final Signing NONE = new Signing(null, null, null, null, null);

    /** Whether the request tries to sign at all. */
    boolean attempted() {
      return signMethod != null || signature != null;
    }

    @Override
    public String toString() {
      return "Signing[templateId=" + templateId + ", signMethod=" + signMethod + "]";
    }
  }

  @Override
  public String toString() {
    return "AuthRequest[deviceNumber=" + deviceNumber + ", templateSecret=hidden]";
  }
}
