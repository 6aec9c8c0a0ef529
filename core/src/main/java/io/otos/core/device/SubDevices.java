package io.otos.core.device;

import io.otos.core.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules of gateways and their sub-devices: a parent is a provisioned, unblocked device; a
 * parent's addresses are held by one sub-device each; no device hangs under itself, however deep.
 */
@ApplicationScoped
public class SubDevices {

  /** The deepest chain of gateways and sub-devices. */
  static final int MAX_DEPTH = 16;

  private final DeviceRepository devices;

  @Inject
  public SubDevices(DeviceRepository devices) {
    this.devices = devices;
  }

  /** Needed by CDI for the client proxy. */
  protected SubDevices() {
    this(null);
  }

  /**
   * The place a device asks for, with its parent found.
   *
   * @throws DomainException {@code PARENT_DEVICE_UNKNOWN}
   */
  public Device.ParentLink resolve(SubDeviceLink link) {
    Device parent =
        devices
            .findByNumber(link.parent())
            .filter(p -> p.status() == DeviceStatus.ACTIVE)
            .orElseThrow(
                () ->
                    DomainException.invalid(
                        "PARENT_DEVICE_UNKNOWN",
                        "parent_device_number does not name a provisioned, unblocked device"));
    return new Device.ParentLink(parent.id(), link.address());
  }

  /**
   * Checks that {@code device} may take this place.
   *
   * @throws DomainException {@code SUB_DEVICE_ADDR_TAKEN} or {@code PARENT_DEVICE_INVALID}
   */
  public void checkPlacement(Device.ParentLink link, Device device) {
    devices
        .findSubDevice(link.parentId(), link.address())
        .filter(holder -> !holder.id().equals(device.id()))
        .ifPresent(
            holder -> {
              throw new DomainException(
                  DomainException.Kind.CONFLICT,
                  "SUB_DEVICE_ADDR_TAKEN",
                  "sub_device_addr is already held by another device under this parent");
            });
    Optional<UUID> ancestor = Optional.of(link.parentId());
    for (int depth = 0; ancestor.isPresent(); depth++) {
      if (ancestor.get().equals(device.id()) || depth >= MAX_DEPTH) {
        throw DomainException.invalid(
            "PARENT_DEVICE_INVALID",
            "parent_device_number must not be the device itself or one of its sub-devices"
                + " (at most "
                + MAX_DEPTH
                + " levels)");
      }
      ancestor = devices.find(ancestor.get()).flatMap(Device::parentDeviceId);
    }
  }
}
