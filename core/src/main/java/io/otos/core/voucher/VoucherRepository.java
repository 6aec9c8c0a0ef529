package io.otos.core.voucher;

import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
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

  Page<Voucher> pageByDevice(UUID deviceId, PageRequest page) {
    List<Voucher> items =
        em.createNamedQuery(Voucher.BY_DEVICE, Voucher.class)
            .setParameter("deviceId", deviceId)
            .setFirstResult(page.offset())
            .setMaxResults(page.limit())
            .getResultList();
    long total =
        em.createNamedQuery(Voucher.COUNT_BY_DEVICE, Long.class)
            .setParameter("deviceId", deviceId)
            .getSingleResult();
    return new Page<>(items, total);
  }
}
