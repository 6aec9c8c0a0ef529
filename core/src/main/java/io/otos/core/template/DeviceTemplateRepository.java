package io.otos.core.template;

import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import io.otos.core.shared.Text;
import io.otos.core.store.Columns;
import io.otos.core.store.Jdbc;
import io.otos.core.store.StoreFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.ResultSet;
import java.sql.SQLException;
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

  private static final String BY_SECRET_HASH =
      "SELECT id, name, secret_hash, previous_secret_hash, secret_sealed, previous_secret_sealed,"
          + " plaintext_allowed, previous_secret_expires_at, enabled, registration_mode,"
          + " max_devices, reauth_policy, created_at, updated_at"
          + " FROM device_template WHERE secret_hash = ? OR previous_secret_hash = ?";

  @PersistenceContext(unitName = "otos")
  private EntityManager em;

  @Inject Jdbc jdbc;

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

  /**
   * The template whose current or previous secret has this hash, as its row holds it now: a copy
   * outside the persistence context, which nothing writes back. Every device request looks its
   * template up this way, so it goes through {@link Jdbc}, not an EclipseLink query (a fifth of a
   * first provisioning's CPU samples, JFR, 2026-12-02).
   */
  Optional<DeviceTemplate> findBySecretHash(byte[] hash) {
    return jdbc.first(BY_SECRET_HASH, DeviceTemplateRepository::read, List.of(hash, hash));
  }

  private static DeviceTemplate read(ResultSet row) throws SQLException {
    return DeviceTemplate.stored(
        new DeviceTemplate.Row(
            Columns.uuid(row, "id"),
            row.getString("name"),
            row.getBytes("secret_hash"),
            row.getBytes("previous_secret_hash"),
            row.getBytes("secret_sealed"),
            row.getBytes("previous_secret_sealed"),
            row.getBoolean("plaintext_allowed"),
            Columns.time(row, "previous_secret_expires_at"),
            row.getBoolean("enabled"),
            RegistrationMode.valueOf(row.getString("registration_mode")),
            Columns.integer(row, "max_devices"),
            ReauthPolicy.valueOf(row.getString("reauth_policy")),
            Columns.time(row, "created_at"),
            Columns.time(row, "updated_at")));
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
