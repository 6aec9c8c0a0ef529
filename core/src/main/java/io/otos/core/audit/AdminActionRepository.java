package io.otos.core.audit;

import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import io.otos.core.shared.Position;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/** The audit trail of admin actions, kept in the database. */
@ApplicationScoped
public class AdminActionRepository {

  @PersistenceContext(unitName = "otos")
  private EntityManager em;

  void add(AdminAction action) {
    em.persist(action);
  }

  Page<AdminAction> search(AdminActionFilter filter, PageRequest page) {
    TypedQuery<Long> total =
        em.createQuery("SELECT COUNT(a) FROM AdminAction a" + where(filter, false), Long.class);
    bind(total, filter, Optional.empty());
    return new Page<>(read(filter, Optional.empty(), page), total.getSingleResult());
  }

  /** Newest first, from {@code after} on or at the page's offset; never counts them all. */
  List<AdminAction> read(AdminActionFilter filter, Optional<Position> after, PageRequest page) {
    TypedQuery<AdminAction> items =
        em.createQuery(
            "SELECT a FROM AdminAction a"
                + where(filter, after.isPresent())
                + " ORDER BY a.occurredAt DESC, a.id",
            AdminAction.class);
    bind(items, filter, after);
    return items.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
  }

  private static String where(AdminActionFilter filter, boolean after) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    filter.actor().ifPresent(a -> where.append(" AND a.actor = :actor"));
    filter.templateId().ifPresent(t -> where.append(" AND a.templateId = :templateId"));
    NewestFirst.where(where, filter.from(), filter.to(), after);
    return where.toString();
  }

  private static void bind(
      TypedQuery<?> query, AdminActionFilter filter, Optional<Position> after) {
    filter.actor().ifPresent(a -> query.setParameter("actor", a));
    filter.templateId().ifPresent(t -> query.setParameter("templateId", t));
    NewestFirst.bind(query, filter.from(), filter.to(), after);
  }
}
