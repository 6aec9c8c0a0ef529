package io.otos.core.voucher;

import java.util.Objects;
import java.util.UUID;

/**
 * A voucher as handed to its device: the MQTT username and the password in plain text. This is the
 * only time the password exists outside the device; {@link #toString()} does not show it.
 */
public record IssuedVoucher(UUID voucherId, UUID username, String password) {

  public IssuedVoucher {
    Objects.requireNonNull(voucherId);
    Objects.requireNonNull(username);
    Objects.requireNonNull(password);
  }

  @Override
  public String toString() {
    return "IssuedVoucher[voucherId=" + voucherId + ", username=" + username + ", password=hidden]";
  }
}
