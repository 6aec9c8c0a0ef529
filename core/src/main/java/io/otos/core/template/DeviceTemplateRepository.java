package io.otos.core.template;

import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import io.otos.core.shared.Text;
import io.otos.core.store.StoreFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/** The device templates, kept in the database. */
@ApplicationScoped
public class DeviceTemplateRepository {

  @PersistenceContext(unitName = "otos")
  private EntityManager em;

  void add(DeviceTemplate template) {
    em.persist(template);
    flush();
  }

  /**
   * Writes pending changes now. A secret that another template took at the same moment is refused
   * here, by the database's unique index, rather than failing the commit.
   */
  void flush() {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (StoreFailures.isUniqueViolation(e)) {
        throw TemplateService.secretInUse();
      }
      throw e;
    }
  }

  public Optional<DeviceTemplate> find(UUID id) {
    return Optional.ofNullable(em.find(DeviceTemplate.class, id));
  }

  /**
   * The template with this id as it is now, its row locked until the transaction ends (two
   * rotations, or two devices added under a cap, go one after the other), if it still exists.
   */
  Optional<DeviceTemplate> lock(UUID id) {
    return Optional.ofNullable(
        em.find(
            DeviceTemplate.class,
            id,
            LockModeType.PESSIMISTIC_WRITE,
            Map.of(QueryHints.REFRESH, HintValues.TRUE)));
  }

  /** The template whose current or previous secret has this hash; a read-only copy. */
  Optional<DeviceTemplate> findBySecretHash(byte[] hash) {
    return em.createNamedQuery(DeviceTemplate.BY_SECRET_HASH, DeviceTemplate.class)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst();
  }

  Page<DeviceTemplate> list(PageRequest page) {
    var items =
        em.createNamedQuery(DeviceTemplate.ALL, DeviceTemplate.class)
            .setFirstResult(page.offset())
            .setMaxResults(page.limit())
            .getResultList();
    return new Page<>(items, count());
  }

  /** Templates whose name contains {@code part}, ignoring case, newest first. */
  List<DeviceTemplate> named(String part, PageRequest page) {
    return em.createQuery(
            "SELECT t FROM DeviceTemplate t WHERE LOWER(t.name) LIKE :pattern ESCAPE '\\'"
                + " ORDER BY t.createdAt DESC, t.id",
            DeviceTemplate.class)
        .setParameter("pattern", "%" + Text.likeEscaped(part.toLowerCase(Locale.ROOT)) + "%")
        .setFirstResult(page.offset())
        .setMaxResults(page.limit())
        .getResultList();
  }

  long count() {
    return em.createNamedQuery(DeviceTemplate.COUNT, Long.class).getSingleResult();
  }
}
