package io.otos.core.voucher;

import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import io.otos.core.shared.Position;
import io.otos.core.shared.SqlTimes;
import io.otos.core.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The vouchers, kept in the database. */
@ApplicationScoped
public class VoucherRepository {

  private static final String REVOKE_ACTIVE =
      "UPDATE voucher SET revoked_at = ?, revocation_reason = ?"
          + " WHERE device_id = ? AND revoked_at IS NULL";

  /** {@link #REVOKE_ACTIVE} for several devices. */
  private static final String REVOKE_ALL_ACTIVE =
      "UPDATE voucher SET revoked_at = ?, revocation_reason = ?"
          + " WHERE device_id = ANY (CAST(? AS uuid[])) AND revoked_at IS NULL RETURNING device_id";

  @Inject Jdbc jdbc;

  @PersistenceContext(unitName = "otos")
  private EntityManager em;

  /**
   * Revokes the device's active voucher, if it has one; returns how many were revoked. Every repeat
   * authentication does, so it goes through {@link Jdbc}, not an EclipseLink bulk update; like one,
   * it leaves vouchers already read into the persistence context as they were read.
   */
  int revokeActive(UUID deviceId, RevocationReason reason, OffsetDateTime at) {
    return jdbc.update(REVOKE_ACTIVE, List.of(at, reason.name(), deviceId));
  }

  /**
   * {@link #revokeActive(UUID, RevocationReason, OffsetDateTime)} for several devices in one
   * statement; returns the devices whose voucher it revoked.
   */
  List<UUID> revokeActive(Collection<UUID> deviceIds, RevocationReason reason, OffsetDateTime at) {
    String[] ids = deviceIds.stream().map(UUID::toString).toArray(String[]::new);
    return jdbc.list(
        REVOKE_ALL_ACTIVE, row -> row.getObject(1, UUID.class), List.of(at, reason.name(), ids));
  }

  Optional<Voucher> lock(UUID id) {
    return Optional.ofNullable(em.find(Voucher.class, id, LockModeType.PESSIMISTIC_WRITE));
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

  /**
   * Vouchers with their device's number and template, newest first, from {@code after} on or at the
   * page's offset, without counting them all. Native SQL: the voucher feature reads the device
   * table without depending on the device feature, which depends on it.
   */
  List<VoucherListing> read(VoucherFilter filter, Optional<Position> after, PageRequest page) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE d.id = v.device_id");
    filter
        .state()
        .ifPresent(
            s ->
                where.append(
                    s == VoucherState.ACTIVE
                        ? " AND v.revoked_at IS NULL"
                        : " AND v.revoked_at IS NOT NULL"));
    filter
        .templateId()
        .ifPresent(t -> where.append(condition(" AND d.template_id = ?", t, params)));
    filter
        .deviceNumber()
        .ifPresent(n -> where.append(condition(" AND d.device_number = ?", n, params)));
    filter.from().ifPresent(f -> where.append(condition(" AND v.issued_at >= ?", f, params)));
    filter.to().ifPresent(t -> where.append(condition(" AND v.issued_at < ?", t, params)));
    after.ifPresent(
        p ->
            where
                .append(condition(" AND (v.issued_at < ?", p.at(), params))
                .append(condition(" OR (v.issued_at = ?", p.at(), params))
                .append(condition(" AND v.id > ?", p.id(), params))
                .append("))"));
    Query items =
        em.createNativeQuery(
            "SELECT v.id, v.username, v.device_id, d.device_number, d.template_id, v.issued_at,"
                + " v.revoked_at, v.revocation_reason FROM voucher v, device d"
                + where
                + " ORDER BY v.issued_at DESC, v.id LIMIT "
                + page.limit()
                + " OFFSET "
                + page.offset());
    for (int i = 0; i < params.size(); i++) {
      items.setParameter(i + 1, params.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = items.getResultList();
    List<VoucherListing> listings = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      listings.add(
          new VoucherListing(
              (UUID) row[0],
              (UUID) row[1],
              (UUID) row[2],
              (String) row[3],
              (UUID) row[4],
              SqlTimes.utc(row[5]),
              Optional.ofNullable(row[6]).map(SqlTimes::utc),
              Optional.ofNullable((String) row[7]).map(RevocationReason::valueOf)));
    }
    return listings;
  }

  private static String condition(String sql, Object value, List<Object> params) {
    params.add(value);
    return sql + params.size();
  }
}
