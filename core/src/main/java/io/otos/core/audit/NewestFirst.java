package io.otos.core.audit;

import io.otos.core.shared.Position;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The conditions shared by the audit's newest-first lists (alias {@code a}, ordered by {@code
 * occurredAt DESC, id}): a time range, and a position to go on after.
 */
final class NewestFirst {

  private NewestFirst() {}

  static void where(
      StringBuilder where,
      Optional<OffsetDateTime> from,
      Optional<OffsetDateTime> to,
      boolean after) {
    from.ifPresent(f -> where.append(" AND a.occurredAt >= :from"));
    to.ifPresent(t -> where.append(" AND a.occurredAt < :to"));
    if (after) {
      where.append(
          " AND (a.occurredAt < :afterAt OR (a.occurredAt = :afterAt AND a.id > :afterId))");
    }
  }

  static void bind(
      TypedQuery<?> query,
      Optional<OffsetDateTime> from,
      Optional<OffsetDateTime> to,
      Optional<Position> after) {
    from.ifPresent(f -> query.setParameter("from", f));
    to.ifPresent(t -> query.setParameter("to", t));
    after.ifPresent(p -> query.setParameter("afterAt", p.at()).setParameter("afterId", p.id()));
  }
}
