package io.otos.core.device;

import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import io.otos.core.shared.Text;
import io.otos.core.store.Columns;
import io.otos.core.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/** The devices, kept in the database. */
@ApplicationScoped
public class DeviceRepository {

  private static final String COLUMNS =
      "id, device_number, name, template_id, product_id, parent_device_id, sub_device_addr,"
          + " status, created_at, updated_at, last_auth_at, pre_registered";

  /** Every column: a device is added as it is after its first provisioning, in one statement. */
  private static final String INSERT_IF_ABSENT =
      "INSERT INTO device ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, CAST(? AS uuid), CAST(? AS uuid), ?, ?, ?, ?,"
          + " CAST(? AS timestamptz), ?) ON CONFLICT (device_number) DO NOTHING";

  /**
   * In SQL: with a lock mode, a JPQL query (named or not, and whether the mode is set on it or in
   * its definition) has its SQL built again by EclipseLink on every execution, which profiles of
   * provisioning showed costing several percent of its CPU.
   */
  private static final String LOCK_BY_NUMBER =
      "SELECT * FROM device WHERE device_number = ?1 FOR UPDATE";

  /**
   * The lock of an authentication, with its time written in the same statement: a repeated
   * authentication then changes nothing else in the row, and costs one round trip fewer.
   */
  private static final String LOCK_FOR_AUTHENTICATION =
      "UPDATE device SET last_auth_at = ?, updated_at = ? WHERE device_number = ? RETURNING "
          + COLUMNS;

  /**
   * {@link #LOCK_FOR_AUTHENTICATION} for several devices at once, locked in the order of their
   * numbers (byte order, as every lock of several devices takes them), so that two such statements
   * cannot deadlock on each other.
   */
  private static final String LOCK_ALL_FOR_AUTHENTICATION =
      "UPDATE device SET last_auth_at = ?, updated_at = ? WHERE id IN (SELECT id FROM device"
          + " WHERE device_number = ANY (CAST(? AS text[])) ORDER BY device_number FOR UPDATE)"
          + " RETURNING "
          + COLUMNS;

  /**
   * {@link #INSERT_IF_ABSENT} for several devices, one array a column, inserted in the order of
   * their numbers: a conflict waits for another transaction's row only in that order too.
   */
  private static final String INSERT_ALL_IF_ABSENT =
      "INSERT INTO device ("
          + COLUMNS
          + ") SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]),"
          + " CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS text[]),"
          + " CAST(? AS text[]), CAST(? AS timestamptz[]), CAST(? AS timestamptz[]),"
          + " CAST(? AS timestamptz[]), CAST(? AS boolean[])) AS added ("
          + COLUMNS
          + ") ORDER BY device_number COLLATE \"C\" ON CONFLICT (device_number) DO NOTHING"
          + " RETURNING device_number";

  private static final String UPDATE_REGISTRATION =
      "UPDATE device SET status = ?, name = ?, product_id = CAST(? AS uuid),"
          + " parent_device_id = CAST(? AS uuid), sub_device_addr = ? WHERE id = ?";

  @PersistenceContext(unitName = "otos")
  private EntityManager em;

  @Inject Jdbc jdbc;

  /**
   * Adds a device unless one with its number exists, without failing on the race when several
   * requests add the same number at once: the database keeps the first and ignores the others.
   * Through JDBC, as the two statements of an authentication below: provisioning needs no managed
   * entity (see {@link Jdbc}).
   *
   * @return whether this call added it: its row is then this transaction's until it ends, so no
   *     other request can lock it meanwhile
   */
  public boolean addIfAbsent(Device device) {
    return jdbc.update(
            INSERT_IF_ABSENT,
            Arrays.asList(
                device.id(),
                device.number().value(),
                device.name().orElse(null),
                device.templateId(),
                device.productId().orElse(null),
                device.parentDeviceId().orElse(null),
                device.subDeviceAddr().orElse(null),
                device.status().name(),
                device.createdAt(),
                device.updatedAt(),
                device.lastAuthAt().orElse(null),
                device.isPreRegistered()))
        == 1;
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

  /**
   * The device with this number, locked until the transaction ends, its last authentication set to
   * {@code at} already. For an authentication only: if the device may not authenticate, the
   * transaction must be rolled back. The device is not managed: what the authentication changes
   * besides its time is written by {@link #updateRegistration}.
   */
  public Optional<Device> lockForAuthentication(DeviceNumber number, OffsetDateTime at) {
    return jdbc.first(
        LOCK_FOR_AUTHENTICATION, DeviceRepository::read, List.of(at, at, number.value()));
  }

  /**
   * {@link #lockForAuthentication} for several devices in one statement: those of these numbers
   * that exist, each locked, its last authentication set to {@code at}.
   */
  public List<Device> lockAllForAuthentication(
      Collection<DeviceNumber> numbers, OffsetDateTime at) {
    String[] values = numbers.stream().map(DeviceNumber::value).toArray(String[]::new);
    return jdbc.list(LOCK_ALL_FOR_AUTHENTICATION, DeviceRepository::read, List.of(at, at, values));
  }

  /**
   * {@link #addIfAbsent} for several devices in one statement.
   *
   * @return the numbers of those this call added
   */
  public Set<String> addAllIfAbsent(List<Device> added) {
    List<String[]> columns = new ArrayList<>(12);
    columns.add(texts(added, Device::id));
    columns.add(texts(added, device -> device.number().value()));
    columns.add(texts(added, device -> device.name().orElse(null)));
    columns.add(texts(added, Device::templateId));
    columns.add(texts(added, device -> device.productId().orElse(null)));
    columns.add(texts(added, device -> device.parentDeviceId().orElse(null)));
    columns.add(texts(added, device -> device.subDeviceAddr().orElse(null)));
    columns.add(texts(added, device -> device.status().name()));
    columns.add(texts(added, Device::createdAt));
    columns.add(texts(added, Device::updatedAt));
    columns.add(texts(added, device -> device.lastAuthAt().orElse(null)));
    columns.add(texts(added, Device::isPreRegistered));
    return new HashSet<>(jdbc.list(INSERT_ALL_IF_ABSENT, row -> row.getString(1), columns));
  }

  /** One column's values as text, which the statement casts to the column's type. */
  private static String[] texts(List<Device> devices, Function<Device, Object> column) {
    return devices.stream()
        .map(column)
        .map(value -> value == null ? null : value.toString())
        .toArray(String[]::new);
  }

  /**
   * Writes a device's registration (status, name, product, place), as locked by this transaction.
   */
  public void updateRegistration(Device device) {
    jdbc.update(
        UPDATE_REGISTRATION,
        Arrays.asList(
            device.status().name(),
            device.name().orElse(null),
            device.productId().orElse(null),
            device.parentDeviceId().orElse(null),
            device.subDeviceAddr().orElse(null),
            device.id()));
  }

  private static Device read(ResultSet row) throws SQLException {
    return Device.stored(
        Columns.uuid(row, "id"),
        row.getString("device_number"),
        row.getString("name"),
        Columns.uuid(row, "template_id"),
        Columns.uuid(row, "product_id"),
        Columns.uuid(row, "parent_device_id"),
        row.getString("sub_device_addr"),
        DeviceStatus.valueOf(row.getString("status")),
        Columns.time(row, "created_at"),
        Columns.time(row, "updated_at"),
        Columns.time(row, "last_auth_at"),
        row.getBoolean("pre_registered"));
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
