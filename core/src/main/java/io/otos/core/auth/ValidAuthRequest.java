package io.otos.core.auth;

import io.otos.core.device.DeviceNumber;
import io.otos.core.device.SubDeviceLink;
import io.otos.core.product.ProductKey;
import io.otos.core.shared.DomainException;
import io.otos.core.shared.Text;
import java.util.Optional;

/** An {@link AuthRequest} whose every field has been checked and turned into a domain value. */
public record ValidAuthRequest(
    String templateSecret,
    DeviceNumber deviceNumber,
    Optional<String> deviceName,
    Optional<ProductKey> productKey,
    Optional<SubDeviceLink> subDevice) {

  static final int MAX_NAME_LENGTH = 255;

  /**
   * Checks the request in the order a firmware developer fixes it: required fields first, then each
   * optional one.
   *
   * @throws DomainException naming the first field that is wrong
   */
  public static ValidAuthRequest of(AuthRequest request) {
    DeviceNumber number = new DeviceNumber(request.deviceNumber());
    if (request.templateSecret() == null || request.templateSecret().isEmpty()) {
      throw DomainException.invalid("TEMPLATE_SECRET_MISSING", "template_secret is required");
    }
    Optional<String> name =
        Optional.ofNullable(request.deviceName())
            .map(n -> Text.require(n, "device_name", MAX_NAME_LENGTH));
    Optional<ProductKey> productKey =
        Optional.ofNullable(request.productKey()).map(ProductKey::new);
    return new ValidAuthRequest(
        request.templateSecret(), number, name, productKey, subDevice(request, number));
  }

  private static Optional<SubDeviceLink> subDevice(AuthRequest request, DeviceNumber number) {
    String parent = request.parentDeviceNumber();
    String address = request.subDeviceAddr();
    if (parent == null && address == null) {
      return Optional.empty();
    }
    if (parent == null || address == null) {
      throw DomainException.invalid(
          "SUB_DEVICE_INCOMPLETE",
          "parent_device_number and sub_device_addr go together: send both or neither");
    }
    DeviceNumber parentNumber = DeviceNumber.ofParent(parent);
    if (parentNumber.equals(number)) {
      throw DomainException.invalid(
          "PARENT_DEVICE_INVALID", "parent_device_number must not be the device's own number");
    }
    return Optional.of(new SubDeviceLink(parentNumber, address));
  }

  @Override
  public String toString() {
    return "ValidAuthRequest[deviceNumber=" + deviceNumber + ", templateSecret=hidden]";
  }
}
