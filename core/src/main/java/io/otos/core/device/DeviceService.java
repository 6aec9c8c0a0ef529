package io.otos.core.device;

import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import io.otos.core.voucher.RevocationReason;
import io.otos.core.voucher.Voucher;
import io.otos.core.voucher.VoucherService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** What admins and auditors read about devices. Devices are created by authentication, not here. */
@ApplicationScoped
@Transactional
public class DeviceService {

  private final DeviceRepository devices;
  private final VoucherService vouchers;

  @Inject
  public DeviceService(DeviceRepository devices, VoucherService vouchers) {
    this.devices = devices;
    this.vouchers = vouchers;
  }

  /** Needed by CDI for the client proxy. */
  protected DeviceService() {
    this(null, null);
  }

  /** Blocks the device and revokes its voucher: it can neither connect nor provision again. */
  public Device block(UUID id) {
    Device device = lock(id);
    device.block();
    vouchers.revokeActive(device.id(), RevocationReason.DEVICE_BLOCKED);
    return device;
  }

  /** Lifts the block: the device may provision once more. */
  public Device unblock(UUID id) {
    Device device = lock(id);
    device.unblock();
    return device;
  }

  /** Revokes the device's voucher and lets it provision once more, even under the REJECT policy. */
  public Device reset(UUID id) {
    Device device = lock(id);
    device.reset();
    vouchers.revokeActive(device.id(), RevocationReason.DEVICE_RESET);
    return device;
  }

  /** The device's vouchers, newest first. */
  public Page<Voucher> vouchers(UUID id, PageRequest page) {
    return vouchers.history(get(id).id(), page);
  }

  private Device lock(UUID id) {
    return devices.lock(id).orElseThrow(DeviceNotFoundException::new);
  }

  public Device get(UUID id) {
    return devices.find(id).orElseThrow(DeviceNotFoundException::new);
  }

  public Page<Device> search(DeviceFilter filter, PageRequest page) {
    return devices.search(filter, page);
  }

  /** A page of the devices the filter matches, by number, without counting them all. */
  public List<Device> slice(DeviceFilter filter, PageRequest page) {
    return devices.slice(filter, page);
  }

  /** The device's sub-devices, by address; at most {@code limit}. */
  public List<Device> subDevices(UUID parentId, int limit) {
    return devices.subDevices(parentId, limit);
  }

  public long count() {
    return devices.count();
  }
}
