package io.otos.core.voucher;

import io.otos.core.secret.Randomness;
import io.otos.core.shared.Clocks;
import io.otos.core.shared.DomainException;
import io.otos.core.store.Inserts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The per-device credential a device receives for its template secret: a username and a password it
 * uses from then on (for example to connect to MQTT). Only the keyed hash of the password is
 * stored.
 *
 * <p>A voucher is active until it is revoked; a device has at most one active voucher, and revoked
 * vouchers are kept as its history.
 */
@Entity
@Table(name = "voucher")
@NamedQuery(
    name = Voucher.BY_DEVICE,
    query = "SELECT v FROM Voucher v WHERE v.deviceId = :deviceId ORDER BY v.issuedAt DESC, v.id")
@NamedQuery(
    name = Voucher.COUNT_BY_DEVICE,
    query = "SELECT COUNT(v) FROM Voucher v WHERE v.deviceId = :deviceId")
public class Voucher {

  static final String BY_DEVICE = "Voucher.byDevice";
  static final String COUNT_BY_DEVICE = "Voucher.countByDevice";

  @Id private UUID id;

  @Column(name = "device_id", nullable = false)
  private UUID deviceId;

  @Column(nullable = false)
  private UUID username;

  @Column(name = "password_hash", nullable = false)
  private byte[] passwordHash;

  @Column(name = "issued_at", nullable = false)
  private OffsetDateTime issuedAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "revocation_reason")
  private RevocationReason revocationReason;

  protected Voucher() {}

  Voucher(UUID deviceId, byte[] passwordHash) {
    this.id = Randomness.uuid();
    this.deviceId = Objects.requireNonNull(deviceId);
    this.username = Randomness.uuid();
    this.passwordHash = passwordHash.clone();
    this.issuedAt = Clocks.now();
  }

  /** This new voucher's row, to be written with other rows in one statement. */
  Inserts.Row asNewRow() {
    return new Inserts.Row(
        "voucher",
        List.of(
            new Inserts.Column("id", "uuid", id),
            new Inserts.Column("device_id", "uuid", deviceId),
            new Inserts.Column("username", "uuid", username),
            new Inserts.Column("password_hash", "bytea", passwordHash),
            new Inserts.Column("issued_at", "timestamptz", issuedAt)));
  }

  public UUID id() {
    return id;
  }

  public UUID deviceId() {
    return deviceId;
  }

  public UUID username() {
    return username;
  }

  public OffsetDateTime issuedAt() {
    return issuedAt;
  }

  public Optional<OffsetDateTime> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  public Optional<RevocationReason> revocationReason() {
    return Optional.ofNullable(revocationReason);
  }

  public boolean isActive() {
    return revokedAt == null;
  }

  /**
   * Revokes this voucher.
   *
   * @throws DomainException {@code VOUCHER_ALREADY_REVOKED}
   */
  void revoke(RevocationReason reason) {
    if (!isActive()) {
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "VOUCHER_ALREADY_REVOKED",
          "This voucher is already revoked");
    }
    this.revokedAt = Clocks.now();
    this.revocationReason = reason;
  }
}
