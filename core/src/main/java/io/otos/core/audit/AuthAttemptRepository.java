package io.otos.core.audit;

import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** The audit trail of auth attempts, kept in the database. */
@ApplicationScoped
public class AuthAttemptRepository {

  @PersistenceContext(unitName = "otos")
  private EntityManager em;

  void add(AuthAttempt attempt) {
    em.persist(attempt);
  }

  Page<AuthAttempt> search(AuthAttemptFilter filter, PageRequest page) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    filter.deviceNumber().ifPresent(n -> where.append(" AND a.deviceNumber = :number"));
    filter.outcome().ifPresent(o -> where.append(" AND a.outcome = :outcome"));
    TypedQuery<AuthAttempt> items =
        em.createQuery(
            "SELECT a FROM AuthAttempt a" + where + " ORDER BY a.occurredAt DESC, a.id",
            AuthAttempt.class);
    TypedQuery<Long> total =
        em.createQuery("SELECT COUNT(a) FROM AuthAttempt a" + where, Long.class);
    for (TypedQuery<?> query : List.of(items, total)) {
      filter.deviceNumber().ifPresent(n -> query.setParameter("number", n));
      filter.outcome().ifPresent(o -> query.setParameter("outcome", o));
    }
    var list = items.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    return new Page<>(list, total.getSingleResult());
  }
}
