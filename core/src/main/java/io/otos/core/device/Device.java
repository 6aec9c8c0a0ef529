package io.otos.core.device;

import io.otos.core.secret.Randomness;
import io.otos.core.shared.Clocks;
import io.otos.core.shared.DomainException;
import io.otos.core.shared.NullableUuidConverter;
import io.otos.core.shared.Text;
import io.otos.core.template.ReauthPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A device provisioned through One Type One Secret. It is created by the first successful
 * authentication of its number and belongs for life to the template whose secret it presented;
 * later authentications find it again and keep its id.
 *
 * <p>Other aggregates are referenced by id: its template, its product and, for a sub-device, its
 * parent.
 */
@Entity
@Table(name = "device")
@NamedQuery(
    name = Device.BY_NUMBER,
    query = "SELECT d FROM Device d WHERE d.deviceNumber = :number")
@NamedQuery(
    name = Device.BY_SUB_DEVICE_ADDR,
    query = "SELECT d FROM Device d WHERE d.parentDeviceId = :parent AND d.subDeviceAddr = :addr")
@NamedQuery(name = Device.COUNT, query = "SELECT COUNT(d) FROM Device d")
@NamedQuery(
    name = Device.PRE_REGISTERED,
    query =
        "SELECT d FROM Device d WHERE d.templateId = :templateId AND d.preRegistered = TRUE"
            + " ORDER BY d.deviceNumber")
@NamedQuery(
    name = Device.COUNT_PRE_REGISTERED,
    query =
        "SELECT COUNT(d) FROM Device d WHERE d.templateId = :templateId AND d.preRegistered = TRUE")
@NamedQuery(
    name = Device.COUNT_BY_TEMPLATE,
    query = "SELECT COUNT(d) FROM Device d WHERE d.templateId = :templateId")
public class Device {

  static final String BY_NUMBER = "Device.byNumber";
  static final String BY_SUB_DEVICE_ADDR = "Device.bySubDeviceAddr";
  static final String COUNT = "Device.count";
  static final String COUNT_BY_TEMPLATE = "Device.countByTemplate";
  static final String PRE_REGISTERED = "Device.preRegistered";
  static final String COUNT_PRE_REGISTERED = "Device.countPreRegistered";
  public static final int MAX_NAME_LENGTH = 255;

  @Id private UUID id;

  @Column(name = "device_number", nullable = false)
  private String deviceNumber;

  private String name;

  @Column(name = "template_id", nullable = false)
  private UUID templateId;

  @Column(name = "product_id")
  @Convert(converter = NullableUuidConverter.class)
  private UUID productId;

  @Column(name = "parent_device_id")
  @Convert(converter = NullableUuidConverter.class)
  private UUID parentDeviceId;

  @Column(name = "sub_device_addr")
  private String subDeviceAddr;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeviceStatus status;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "last_auth_at")
  private OffsetDateTime lastAuthAt;

  @Column(name = "pre_registered", nullable = false)
  private boolean preRegistered;

  protected Device() {}

  /** A device as its row holds it, read without EclipseLink (see {@link DeviceRepository}). */
  static Device stored(
      UUID id,
      String deviceNumber,
      String name,
      UUID templateId,
      UUID productId,
      UUID parentDeviceId,
      String subDeviceAddr,
      DeviceStatus status,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      OffsetDateTime lastAuthAt,
      boolean preRegistered) {
    Device device = new Device();
    device.id = id;
    device.deviceNumber = deviceNumber;
    device.name = name;
    device.templateId = templateId;
    device.productId = productId;
    device.parentDeviceId = parentDeviceId;
    device.subDeviceAddr = subDeviceAddr;
    device.status = status;
    device.createdAt = createdAt;
    device.updatedAt = updatedAt;
    device.lastAuthAt = lastAuthAt;
    device.preRegistered = preRegistered;
    return device;
  }

  /**
   * A device seen for the first time, about to be provisioned under {@code templateId}. (Devices
   * put on an allowlist are written in bulk by the allowlist feature.)
   */
  public static Device firstSeen(DeviceNumber number, UUID templateId) {
    Device device = new Device();
    device.id = Randomness.uuid();
    device.deviceNumber = number.value();
    device.templateId = Objects.requireNonNull(templateId);
    device.status = DeviceStatus.REGISTERED;
    device.preRegistered = false;
    device.createdAt = Clocks.now();
    device.updatedAt = device.createdAt;
    return device;
  }

  /**
   * Checks that the device may provision now under {@code template}, with {@code policy} for a
   * device that already did.
   *
   * @throws DomainException {@code DEVICE_NUMBER_TAKEN} when the number belongs to another
   *     template, {@code DEVICE_BLOCKED}, or {@code DEVICE_ALREADY_PROVISIONED} when the policy is
   *     {@link ReauthPolicy#REJECT}
   */
  public void checkMayProvision(UUID template, ReauthPolicy policy) {
    if (!templateId.equals(template)) {
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "DEVICE_NUMBER_TAKEN",
          "device_number is already registered under another device template");
    }
    if (status == DeviceStatus.BLOCKED) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN,
          "DEVICE_BLOCKED",
          "This device is blocked; ask an administrator");
    }
    if (status == DeviceStatus.ACTIVE && policy == ReauthPolicy.REJECT) {
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "DEVICE_ALREADY_PROVISIONED",
          "This device is already provisioned; an administrator must reset it before it can provision again");
    }
  }

  /**
   * Records a successful authentication {@code at} that moment: its name, product and place under a
   * parent are updated to what the device says now, and it is provisioned.
   */
  public void authenticated(
      UUID template,
      ReauthPolicy policy,
      Optional<String> newName,
      Optional<UUID> product,
      Optional<ParentLink> parent,
      OffsetDateTime at) {
    checkMayProvision(template, policy);
    newName.ifPresent(n -> this.name = Text.require(n, "device_name", MAX_NAME_LENGTH));
    product.ifPresent(p -> this.productId = p);
    parent.ifPresent(this::placeUnder);
    this.status = DeviceStatus.ACTIVE;
    this.lastAuthAt = Objects.requireNonNull(at);
    this.updatedAt = at;
  }

  private void placeUnder(ParentLink link) {
    if (link.parentId().equals(id)) {
      throw DomainException.invalid(
          "PARENT_DEVICE_INVALID", "parent_device_number must not be the device's own number");
    }
    this.parentDeviceId = link.parentId();
    this.subDeviceAddr = link.address();
  }

  /**
   * Blocks the device: it may not provision until unblocked. Its voucher is revoked by the caller.
   */
  public void block() {
    status = DeviceStatus.BLOCKED;
    updatedAt = Clocks.now();
  }

  /** Lifts a block; the device may provision once more. */
  public void unblock() {
    if (status != DeviceStatus.BLOCKED) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "DEVICE_NOT_BLOCKED", "This device is not blocked");
    }
    status = DeviceStatus.REGISTERED;
    updatedAt = Clocks.now();
  }

  /** Lets a provisioned device provision once more, whatever its template's repeat-auth policy. */
  public void reset() {
    if (status == DeviceStatus.BLOCKED) {
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "DEVICE_BLOCKED",
          "This device is blocked; unblock it instead");
    }
    status = DeviceStatus.REGISTERED;
    updatedAt = Clocks.now();
  }

  /**
   * What an authentication may change besides its time: compared before and after one, it tells
   * whether the device must be written again.
   */
  public record Registration(
      DeviceStatus status,
      Optional<String> name,
      Optional<UUID> productId,
      Optional<UUID> parentDeviceId,
      Optional<String> subDeviceAddr) {}

  public Registration registration() {
    return new Registration(status, name(), productId(), parentDeviceId(), subDeviceAddr());
  }

  /** A resolved place under a parent device. */
  public record ParentLink(UUID parentId, String address) {
    public ParentLink {
      Objects.requireNonNull(parentId);
      Objects.requireNonNull(address);
    }
  }

  public UUID id() {
    return id;
  }

  public DeviceNumber number() {
    return new DeviceNumber(deviceNumber);
  }

  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  public UUID templateId() {
    return templateId;
  }

  public Optional<UUID> productId() {
    return Optional.ofNullable(productId);
  }

  public Optional<UUID> parentDeviceId() {
    return Optional.ofNullable(parentDeviceId);
  }

  public Optional<String> subDeviceAddr() {
    return Optional.ofNullable(subDeviceAddr);
  }

  public DeviceStatus status() {
    return status;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public Optional<OffsetDateTime> lastAuthAt() {
    return Optional.ofNullable(lastAuthAt);
  }

  /** Whether it was put on an allowlist before it first authenticated. */
  public boolean isPreRegistered() {
    return preRegistered;
  }
}
