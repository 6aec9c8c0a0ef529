package io.otos.core.template;

import io.otos.core.shared.Clocks;
import io.otos.core.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A type of device: every device manufactured for it carries the same template secret, and presents
 * it on first boot to be provisioned under this template.
 *
 * <p>The secret itself is never stored: only its keyed hash, which is how a device's request finds
 * its template. A template is identified by its id; its name is for people.
 */
@Entity
@Table(name = "device_template")
@NamedQuery(
    name = DeviceTemplate.BY_SECRET_HASH,
    query = "SELECT t FROM DeviceTemplate t WHERE t.secretHash = :hash")
@NamedQuery(
    name = DeviceTemplate.ALL,
    query = "SELECT t FROM DeviceTemplate t ORDER BY t.createdAt, t.id")
@NamedQuery(name = DeviceTemplate.COUNT, query = "SELECT COUNT(t) FROM DeviceTemplate t")
public class DeviceTemplate {

  static final String BY_SECRET_HASH = "DeviceTemplate.bySecretHash";
  static final String ALL = "DeviceTemplate.all";
  static final String COUNT = "DeviceTemplate.count";
  public static final int MAX_NAME_LENGTH = 255;

  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  @Column(name = "secret_hash", nullable = false)
  private byte[] secretHash;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected DeviceTemplate() {}

  DeviceTemplate(String name, byte[] secretHash) {
    this.id = UUID.randomUUID();
    this.name = Text.require(name, "name", MAX_NAME_LENGTH);
    this.secretHash = Objects.requireNonNull(secretHash).clone();
    this.createdAt = Clocks.now();
    this.updatedAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  byte[] secretHash() {
    return secretHash.clone();
  }
}
