package io.otos.core.voucher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The vouchers, kept in the database. */
@ApplicationScoped
public class VoucherRepository {

  @PersistenceContext(unitName = "otos")
  private EntityManager em;

  /** Revokes the device's active voucher, if it has one; returns how many were revoked. */
  int revokeActive(UUID deviceId, RevocationReason reason, OffsetDateTime at) {
    return em.createNamedQuery(Voucher.REVOKE_ACTIVE)
        .setParameter("at", at)
        .setParameter("reason", reason)
        .setParameter("deviceId", deviceId)
        .executeUpdate();
  }

  Optional<Voucher> lock(UUID id) {
    return Optional.ofNullable(em.find(Voucher.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  void add(Voucher voucher) {
    em.persist(voucher);
  }

  List<Voucher> listByDevice(UUID deviceId) {
    return em.createNamedQuery(Voucher.BY_DEVICE, Voucher.class)
        .setParameter("deviceId", deviceId)
        .getResultList();
  }
}
