package io.otos.core.audit;

import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The audit trail of admin actions, kept in the database. */
@ApplicationScoped
public class AdminActionRepository {

  @PersistenceContext(unitName = "otos")
  private EntityManager em;

  void add(AdminAction action) {
    em.persist(action);
  }

  Page<AdminAction> list(PageRequest page) {
    var items =
        em.createQuery(
                "SELECT a FROM AdminAction a ORDER BY a.occurredAt DESC, a.id", AdminAction.class)
            .setFirstResult(page.offset())
            .setMaxResults(page.limit())
            .getResultList();
    long total = em.createQuery("SELECT COUNT(a) FROM AdminAction a", Long.class).getSingleResult();
    return new Page<>(items, total);
  }
}
