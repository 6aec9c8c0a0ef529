package io.otos.core.voucher;

import io.otos.core.secret.KeyedHash;
import io.otos.core.secret.RandomSecrets;
import io.otos.core.shared.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Issues vouchers to devices and checks the credentials devices present with them. */
@ApplicationScoped
@Transactional
public class VoucherService {

  /** 192 random bits. */
  static final int PASSWORD_BYTES = 24;

  private final VoucherRepository vouchers;
  private final KeyedHash keyedHash;

  @Inject
  public VoucherService(VoucherRepository vouchers, KeyedHash keyedHash) {
    this.vouchers = vouchers;
    this.keyedHash = keyedHash;
  }

  /** Needed by CDI for the client proxy. */
  protected VoucherService() {
    this(null, null);
  }

  /**
   * Issues a fresh voucher to the device and revokes the one it had, in the caller's transaction:
   * the device ends with exactly one active voucher. The caller must hold the device's lock.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public IssuedVoucher reissue(UUID deviceId) {
    vouchers.revokeActive(deviceId, RevocationReason.REISSUED, Clocks.now());
    String password = RandomSecrets.urlSafe(PASSWORD_BYTES);
    Voucher voucher = new Voucher(deviceId, keyedHash.hash(password));
    vouchers.add(voucher);
    return new IssuedVoucher(voucher.id(), voucher.username(), password);
  }

  public List<Voucher> history(UUID deviceId) {
    return vouchers.listByDevice(deviceId);
  }
}
