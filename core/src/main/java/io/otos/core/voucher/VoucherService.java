package io.otos.core.voucher;

import io.otos.core.secret.KeyedHash;
import io.otos.core.secret.RandomSecrets;
import io.otos.core.shared.Clocks;
import io.otos.core.shared.DomainException;
import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import io.otos.core.shared.Position;
import io.otos.core.store.Inserts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issues vouchers to devices and checks the credentials devices present with them. */
@ApplicationScoped
@Transactional
public class VoucherService {

  /** 192 random bits. */
  static final int PASSWORD_BYTES = 24;

  private final VoucherRepository vouchers;
  private final KeyedHash keyedHash;

  @Inject Event<VoucherIssued> issued;
  @Inject Event<VoucherRevoked> revoked;

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
   * the device ends with exactly one active voucher. The caller must hold the device's lock, and
   * writes the new voucher's row with the other {@code inserts} of its transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public IssuedVoucher reissue(UUID deviceId, Inserts inserts) {
    revokeActive(deviceId, RevocationReason.REISSUED);
    return issue(deviceId, inserts);
  }

  /**
   * Issues a voucher and revokes none, in the caller's transaction: for a device added in it, which
   * has none to revoke (one statement fewer than {@link #reissue}), or for one among several whose
   * active vouchers the caller revokes in one statement ({@link #revokeActive(Collection,
   * RevocationReason)}) before it writes the {@code inserts}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public IssuedVoucher issueWithoutRevoking(UUID deviceId, Inserts inserts) {
    return issue(deviceId, inserts);
  }

  /**
   * Revokes these devices' active vouchers, in the caller's transaction, which holds their locks.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void revokeActive(Collection<UUID> deviceIds, RevocationReason reason) {
    for (UUID deviceId : vouchers.revokeActive(deviceIds, reason, Clocks.now())) {
      revoked.fire(new VoucherRevoked(deviceId, reason));
    }
  }

  private IssuedVoucher issue(UUID deviceId, Inserts inserts) {
    String password = RandomSecrets.urlSafe(PASSWORD_BYTES);
    Voucher voucher = new Voucher(deviceId, keyedHash.hash(password));
    inserts.add(voucher.asNewRow());
    issued.fire(new VoucherIssued(deviceId));
    return new IssuedVoucher(voucher.id(), voucher.username(), password);
  }

  /** Revokes the device's active voucher, if it has one, in the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void revokeActive(UUID deviceId, RevocationReason reason) {
    if (vouchers.revokeActive(deviceId, reason, Clocks.now()) > 0) {
      revoked.fire(new VoucherRevoked(deviceId, reason));
    }
  }

  /**
   * Revokes one voucher at an admin's request; the device keeps its status.
   *
   * @throws DomainException {@code VOUCHER_NOT_FOUND} or {@code VOUCHER_ALREADY_REVOKED}
   */
  public Voucher revoke(UUID voucherId) {
    Voucher voucher =
        vouchers
            .lock(voucherId)
            .orElseThrow(
                () ->
                    new DomainException(
                        DomainException.Kind.NOT_FOUND,
                        "VOUCHER_NOT_FOUND",
                        "No voucher has this id"));
    voucher.revoke(RevocationReason.REVOKED_BY_ADMIN);
    revoked.fire(new VoucherRevoked(voucher.deviceId(), RevocationReason.REVOKED_BY_ADMIN));
    return voucher;
  }

  /**
   * The device's vouchers, newest first: usernames and dates, never passwords. Paged: under the
   * REISSUE policy every authentication adds one.
   */
  public Page<Voucher> history(UUID deviceId, PageRequest page) {
    return vouchers.pageByDevice(deviceId, page);
  }

  /**
   * A page of the vouchers the filter matches, newest first, with their device; never a password.
   * Not counted: what a scrolling grid needs.
   */
  public List<VoucherListing> list(VoucherFilter filter, PageRequest page) {
    return vouchers.read(filter, Optional.empty(), page);
  }

  /** The next {@code limit} vouchers after {@code after} (from the newest when empty). */
  public List<VoucherListing> listAfter(VoucherFilter filter, Optional<Position> after, int limit) {
    return vouchers.read(filter, after, new PageRequest(0, limit));
  }
}
