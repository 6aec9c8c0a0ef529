package io.otos.core.auth;

import io.otos.core.device.Device;
import io.otos.core.device.DeviceNumber;
import io.otos.core.device.DeviceRepository;
import io.otos.core.store.Inserts;
import io.otos.core.voucher.IssuedVoucher;
import io.otos.core.voucher.VoucherService;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of a provisioning about its device: those a group gathers into one for all its
 * requests ({@link GroupStatements}), and a request alone runs at once ({@link Alone}).
 */
interface DeviceStatements {

  /** The device with this number, locked, its last authentication set to {@code at} already. */
  Optional<Device> lockForAuthentication(DeviceNumber number, OffsetDateTime at);

  /**
   * Adds a device unless one with its number exists.
   *
   * @return whether it was added
   */
  boolean addIfAbsent(Device device);

  /** Issues the device a voucher in place of its active one (its row among the {@code inserts}). */
  IssuedVoucher reissue(UUID deviceId, Inserts inserts);

  /** Each statement at once, for a request alone. */
  record Alone(DeviceRepository devices, VoucherService vouchers) implements DeviceStatements {

    @Override
    public Optional<Device> lockForAuthentication(DeviceNumber number, OffsetDateTime at) {
      return devices.lockForAuthentication(number, at);
    }

    @Override
    public boolean addIfAbsent(Device device) {
      return devices.addIfAbsent(device);
    }

    @Override
    public IssuedVoucher reissue(UUID deviceId, Inserts inserts) {
      return vouchers.reissue(deviceId, inserts);
    }
  }
}
