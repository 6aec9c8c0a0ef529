package io.otos.core.device;

import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import io.otos.core.shared.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/** The devices, kept in the database. */
@ApplicationScoped
public class DeviceRepository {

  private static final String INSERT_IF_ABSENT =
      "INSERT INTO device (id, device_number, template_id, status, pre_registered, created_at, updated_at)"
          + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (device_number) DO NOTHING"
          + " RETURNING *";

  /**
   * In SQL: with a lock mode, a JPQL query (named or not, and whether the mode is set on it or in
   * its definition) has its SQL built again by EclipseLink on every execution, which profiles of
   * provisioning showed costing several percent of its CPU.
   */
  private static final String LOCK_BY_NUMBER =
      "SELECT * FROM device WHERE device_number = ?1 FOR UPDATE";

  @PersistenceContext(unitName = "otos")
  private EntityManager em;

  /**
   * Adds a device unless one with its number exists, without failing on the race when several
   * requests add the same number at once: the database keeps the first and ignores the others.
   *
   * @return the device as stored, if this call added it: its row is this transaction's until it
   *     ends, so no other request can lock it meanwhile
   */
  @SuppressWarnings("unchecked") // a native query of Device rows
  public Optional<Device> addIfAbsent(Device device) {
    return em.createNativeQuery(INSERT_IF_ABSENT, Device.class)
        .setParameter(1, device.id())
        .setParameter(2, device.number().value())
        .setParameter(3, device.templateId())
        .setParameter(4, device.status().name())
        .setParameter(5, device.isPreRegistered())
        .setParameter(6, device.createdAt())
        .setParameter(7, device.updatedAt())
        .getResultStream()
        .findFirst();
  }

  /** The device with this number, locked until the transaction ends. */
  @SuppressWarnings("unchecked") // a native query of Device rows
  public Optional<Device> lockByNumber(DeviceNumber number) {
    return em.createNativeQuery(LOCK_BY_NUMBER, Device.class)
        .setParameter(1, number.value())
        // the row as locked, even if this transaction had read the device before
        .setHint(QueryHints.REFRESH, HintValues.TRUE)
        .getResultStream()
        .findFirst();
  }

  public Optional<Device> findByNumber(DeviceNumber number) {
    return em.createNamedQuery(Device.BY_NUMBER, Device.class)
        .setParameter("number", number.value())
        .getResultStream()
        .findFirst();
  }

  public Optional<Device> findSubDevice(UUID parentId, String address) {
    return em.createNamedQuery(Device.BY_SUB_DEVICE_ADDR, Device.class)
        .setParameter("parent", parentId)
        .setParameter("addr", address)
        .getResultStream()
        .findFirst();
  }

  /** The device with this id, locked until the transaction ends. */
  Optional<Device> lock(UUID id) {
    return Optional.ofNullable(em.find(Device.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  public void remove(Device device) {
    em.remove(device);
  }

  public Page<Device> listPreRegistered(UUID templateId, PageRequest page) {
    var items =
        em.createNamedQuery(Device.PRE_REGISTERED, Device.class)
            .setParameter("templateId", templateId)
            .setFirstResult(page.offset())
            .setMaxResults(page.limit())
            .getResultList();
    long total =
        em.createNamedQuery(Device.COUNT_PRE_REGISTERED, Long.class)
            .setParameter("templateId", templateId)
            .getSingleResult();
    return new Page<>(items, total);
  }

  public Optional<Device> find(UUID id) {
    return Optional.ofNullable(em.find(Device.class, id));
  }

  /** Writes pending changes now, so that constraint violations surface inside the caller. */
  public void flush() {
    em.flush();
  }

  Page<Device> search(DeviceFilter filter, PageRequest page) {
    TypedQuery<Long> total =
        em.createQuery("SELECT COUNT(d) FROM Device d" + where(filter), Long.class);
    bind(total, filter);
    return new Page<>(slice(filter, page), total.getSingleResult());
  }

  /** A page of devices without counting them all: what a scrolling grid of millions needs. */
  List<Device> slice(DeviceFilter filter, PageRequest page) {
    TypedQuery<Device> items =
        em.createQuery(
            "SELECT d FROM Device d" + where(filter) + " ORDER BY d.deviceNumber, d.id",
            Device.class);
    bind(items, filter);
    return items.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
  }

  List<Device> subDevices(UUID parentId, int limit) {
    return em.createQuery(
            "SELECT d FROM Device d WHERE d.parentDeviceId = :parent ORDER BY d.subDeviceAddr",
            Device.class)
        .setParameter("parent", parentId)
        .setMaxResults(limit)
        .getResultList();
  }

  private static String where(DeviceFilter filter) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    filter.templateId().ifPresent(t -> where.append(" AND d.templateId = :templateId"));
    filter.productId().ifPresent(p -> where.append(" AND d.productId = :productId"));
    filter.status().ifPresent(s -> where.append(" AND d.status = :status"));
    filter
        .numberPrefix()
        .ifPresent(p -> where.append(" AND d.deviceNumber LIKE :prefix ESCAPE '\\'"));
    return where.toString();
  }

  private static void bind(TypedQuery<?> query, DeviceFilter filter) {
    filter.templateId().ifPresent(t -> query.setParameter("templateId", t));
    filter.productId().ifPresent(p -> query.setParameter("productId", p));
    filter.status().ifPresent(s -> query.setParameter("status", s));
    filter.numberPrefix().ifPresent(p -> query.setParameter("prefix", likePrefix(p)));
  }

  long count() {
    return em.createNamedQuery(Device.COUNT, Long.class).getSingleResult();
  }

  public long countByTemplate(UUID templateId) {
    return em.createNamedQuery(Device.COUNT_BY_TEMPLATE, Long.class)
        .setParameter("templateId", templateId)
        .getSingleResult();
  }

  static String likePrefix(String prefix) {
    return Text.likeEscaped(prefix) + "%";
  }
}
