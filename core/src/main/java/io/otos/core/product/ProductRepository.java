package io.otos.core.product;

import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import io.otos.core.store.StoreFailures;
import io.otos.core.template.DeviceTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.UUID;

/** The products, kept in the database. */
@ApplicationScoped
public class ProductRepository {

  @PersistenceContext(unitName = "otos")
  private EntityManager em;

  /**
   * Adds the product; a key that another product took at the same moment is refused by the
   * database.
   */
  void add(Product product) {
    try {
      em.persist(product);
      em.flush();
    } catch (PersistenceException e) {
      if (StoreFailures.isUniqueViolation(e)) {
        throw ProductService.keyInUse();
      }
      throw e;
    }
  }

  Optional<Product> find(UUID id) {
    return Optional.ofNullable(em.find(Product.class, id));
  }

  Optional<Product> findByKey(ProductKey key) {
    return em.createNamedQuery(Product.BY_KEY, Product.class)
        .setParameter("key", key.value())
        .getResultStream()
        .findFirst();
  }

  Optional<DeviceTemplate> findTemplateByKey(ProductKey key) {
    return em.createQuery(
            "SELECT t FROM DeviceTemplate t WHERE t.id ="
                + " (SELECT p.templateId FROM Product p WHERE p.productKey = :key)",
            DeviceTemplate.class)
        .setParameter("key", key.value())
        .getResultStream()
        .findFirst();
  }

  Page<Product> listByTemplate(UUID templateId, PageRequest page) {
    var items =
        em.createNamedQuery(Product.BY_TEMPLATE, Product.class)
            .setParameter("templateId", templateId)
            .setFirstResult(page.offset())
            .setMaxResults(page.limit())
            .getResultList();
    long total =
        em.createNamedQuery(Product.COUNT_BY_TEMPLATE, Long.class)
            .setParameter("templateId", templateId)
            .getSingleResult();
    return new Page<>(items, total);
  }

  /** How many devices name the product (native SQL: products know no device class). */
  long countDevices(UUID productId) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM device WHERE product_id = ?1")
                .setParameter(1, productId)
                .getSingleResult())
        .longValue();
  }

  /** Deletes the product; a device that took it at the same moment is refused by the database. */
  void remove(Product product) {
    try {
      em.remove(product);
      em.flush();
    } catch (PersistenceException e) {
      if (StoreFailures.isStillReferenced(e)) {
        throw ProductService.inUse();
      }
      throw e;
    }
  }
}
