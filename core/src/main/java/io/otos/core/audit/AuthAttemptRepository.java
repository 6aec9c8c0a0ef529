package io.otos.core.audit;

import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import io.otos.core.shared.Position;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The audit trail of auth attempts, kept in the database. */
@ApplicationScoped
public class AuthAttemptRepository {

  @PersistenceContext(unitName = "otos")
  private EntityManager em;

  void add(AuthAttempt attempt) {
    em.persist(attempt);
  }

  Page<AuthAttempt> search(AuthAttemptFilter filter, PageRequest page) {
    TypedQuery<Long> total =
        em.createQuery("SELECT COUNT(a) FROM AuthAttempt a" + where(filter, false), Long.class);
    bind(total, filter, Optional.empty());
    return new Page<>(read(filter, Optional.empty(), page), total.getSingleResult());
  }

  /** Newest first, from {@code after} on or at the page's offset; never counts them all. */
  List<AuthAttempt> read(AuthAttemptFilter filter, Optional<Position> after, PageRequest page) {
    TypedQuery<AuthAttempt> items =
        em.createQuery(
            "SELECT a FROM AuthAttempt a"
                + where(filter, after.isPresent())
                + " ORDER BY a.occurredAt DESC, a.id",
            AuthAttempt.class);
    bind(items, filter, after);
    return items.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
  }

  private static String where(AuthAttemptFilter filter, boolean after) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    filter.deviceNumber().ifPresent(n -> where.append(" AND a.deviceNumber = :number"));
    filter.outcome().ifPresent(o -> where.append(" AND a.outcome = :outcome"));
    filter.templateId().ifPresent(t -> where.append(" AND a.templateId = :templateId"));
    NewestFirst.where(where, filter.from(), filter.to(), after);
    return where.toString();
  }

  private static void bind(
      TypedQuery<?> query, AuthAttemptFilter filter, Optional<Position> after) {
    filter.deviceNumber().ifPresent(n -> query.setParameter("number", n));
    filter.outcome().ifPresent(o -> query.setParameter("outcome", o));
    filter.templateId().ifPresent(t -> query.setParameter("templateId", t));
    NewestFirst.bind(query, filter.from(), filter.to(), after);
  }

  /**
   * Successes and failures per {@code bucket} since {@code from}; buckets without any are left out.
   */
  List<ActivityBucket> activity(OffsetDateTime from, Duration bucket) {
    long seconds = bucket.toSeconds();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT floor(extract(epoch FROM occurred_at) / ?1)::bigint AS n,"
                    + " count(*) FILTER (WHERE outcome = 'SUCCESS'),"
                    + " count(*) FILTER (WHERE outcome = 'FAILURE')"
                    + " FROM auth_attempt WHERE occurred_at >= ?2 GROUP BY n ORDER BY n")
            .setParameter(1, seconds)
            .setParameter(2, from)
            .getResultList();
    List<ActivityBucket> buckets = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Instant start = Instant.ofEpochSecond(((Number) row[0]).longValue() * seconds);
      buckets.add(
          new ActivityBucket(
              start.atOffset(ZoneOffset.UTC),
              ((Number) row[1]).longValue(),
              ((Number) row[2]).longValue()));
    }
    return buckets;
  }

  AttemptsToday since(OffsetDateTime from) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*) FILTER (WHERE reason = 'PROVISIONED'),"
                        + " count(*) FILTER (WHERE outcome = 'FAILURE')"
                        + " FROM auth_attempt WHERE occurred_at >= ?1")
                .setParameter(1, from)
                .getSingleResult();
    return new AttemptsToday(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
  }
}
