package io.otos.core.template;

import io.otos.core.shared.Clocks;
import io.otos.core.shared.DomainException;
import io.otos.core.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A type of device: every device manufactured for it carries the same template secret, and presents
 * it on first boot to be provisioned under this template.
 *
 * <p>The secret is never stored in plain text: its keyed hash is how a device's plaintext request
 * finds its template, and its sealed form (AES-GCM) is what a signed request is verified against. A
 * template is identified by its id; its name is for people.
 */
@Entity
@Table(name = "device_template")
@NamedQuery(
    name = DeviceTemplate.ALL,
    query = "SELECT t FROM DeviceTemplate t ORDER BY t.createdAt, t.id")
@NamedQuery(name = DeviceTemplate.COUNT, query = "SELECT COUNT(t) FROM DeviceTemplate t")
public class DeviceTemplate {

  static final String ALL = "DeviceTemplate.all";
  static final String COUNT = "DeviceTemplate.count";
  public static final int MAX_NAME_LENGTH = 255;

  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  @Column(name = "secret_hash", nullable = false)
  private byte[] secretHash;

  @Column(name = "previous_secret_hash")
  private byte[] previousSecretHash;

  @Column(name = "secret_sealed")
  private byte[] secretSealed;

  @Column(name = "previous_secret_sealed")
  private byte[] previousSecretSealed;

  @Column(name = "plaintext_allowed", nullable = false)
  private boolean plaintextAllowed;

  @Column(name = "previous_secret_expires_at")
  private OffsetDateTime previousSecretExpiresAt;

  @Column(nullable = false)
  private boolean enabled;

  @Enumerated(EnumType.STRING)
  @Column(name = "registration_mode", nullable = false)
  private RegistrationMode registrationMode;

  @Column(name = "max_devices")
  private Integer maxDevices;

  @Enumerated(EnumType.STRING)
  @Column(name = "reauth_policy", nullable = false)
  private ReauthPolicy reauthPolicy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected DeviceTemplate() {}

  /** A template's row, column by column. */
  record Row(
      UUID id,
      String name,
      byte[] secretHash,
      byte[] previousSecretHash,
      byte[] secretSealed,
      byte[] previousSecretSealed,
      boolean plaintextAllowed,
      OffsetDateTime previousSecretExpiresAt,
      boolean enabled,
      RegistrationMode registrationMode,
      Integer maxDevices,
      ReauthPolicy reauthPolicy,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  /**
   * A template as its row holds it, read without EclipseLink (see {@link
   * DeviceTemplateRepository#findBySecretHash}); not managed, so a change to it is never stored.
   */
  static DeviceTemplate stored(Row row) {
    DeviceTemplate template = new DeviceTemplate();
    template.id = row.id();
    template.name = row.name();
    template.secretHash = row.secretHash();
    template.previousSecretHash = row.previousSecretHash();
    template.secretSealed = row.secretSealed();
    template.previousSecretSealed = row.previousSecretSealed();
    template.plaintextAllowed = row.plaintextAllowed();
    template.previousSecretExpiresAt = row.previousSecretExpiresAt();
    template.enabled = row.enabled();
    template.registrationMode = row.registrationMode();
    template.maxDevices = row.maxDevices();
    template.reauthPolicy = row.reauthPolicy();
    template.createdAt = row.createdAt();
    template.updatedAt = row.updatedAt();
    return template;
  }

  DeviceTemplate(UUID id, String name, StoredSecret secret) {
    this.id = Objects.requireNonNull(id);
    this.name = Text.require(name, "name", MAX_NAME_LENGTH);
    this.secretHash = secret.hash();
    this.secretSealed = secret.sealed();
    this.enabled = true;
    this.plaintextAllowed = true;
    this.registrationMode = RegistrationMode.AUTO;
    this.reauthPolicy = ReauthPolicy.REISSUE;
    this.createdAt = Clocks.now();
    this.updatedAt = createdAt;
  }

  /** Applies an admin's changes; what they leave empty stays as it is. */
  void change(TemplateChanges changes) {
    changes.name().ifPresent(n -> this.name = Text.require(n, "name", MAX_NAME_LENGTH));
    changes.enabled().ifPresent(e -> this.enabled = e);
    changes.registrationMode().ifPresent(m -> this.registrationMode = m);
    changes
        .maxDevices()
        .ifPresent(cap -> this.maxDevices = cap.isPresent() ? checkedCap(cap.getAsInt()) : null);
    changes.reauthPolicy().ifPresent(p -> this.reauthPolicy = p);
    changes.plaintextAllowed().ifPresent(this::allowPlaintext);
    this.updatedAt = Clocks.now();
  }

  private void allowPlaintext(boolean allowed) {
    if (!allowed && secretSealed == null) {
      throw signedModeUnavailable(
          "this template's secret predates signed requests, so its devices could not sign; rotate"
              + " the secret before refusing plaintext requests");
    }
    this.plaintextAllowed = allowed;
  }

  /** The template cannot take signed requests: its secret cannot be verified against. */
  static DomainException signedModeUnavailable(String why) {
    return new DomainException(DomainException.Kind.CONFLICT, "SIGNED_MODE_UNAVAILABLE", why);
  }

  private static int checkedCap(int cap) {
    if (cap < 0) {
      throw DomainException.invalid(
          "MAX_DEVICES_INVALID", "max_devices must be zero or more, or null for no cap");
    }
    return cap;
  }

  /**
   * Replaces the secret. The one it replaces stays valid until {@code previousValidUntil}, or not
   * at all when that is not after now; a secret from an earlier rotation is forgotten.
   */
  void rotateSecret(StoredSecret newSecret, OffsetDateTime previousValidUntil) {
    OffsetDateTime now = Clocks.now();
    if (previousValidUntil.isAfter(now)) {
      this.previousSecretHash = secretHash;
      this.previousSecretSealed = secretSealed;
      this.previousSecretExpiresAt = previousValidUntil;
    } else {
      this.previousSecretHash = null;
      this.previousSecretSealed = null;
      this.previousSecretExpiresAt = null;
    }
    this.secretHash = newSecret.hash();
    this.secretSealed = newSecret.sealed();
    this.updatedAt = now;
  }

  /**
   * The sealed form of the secret {@code used}; empty for a secret stored before signed requests
   * existed, which can verify plaintext requests only.
   */
  Optional<byte[]> sealedSecret(SecretUsed used) {
    byte[] sealed = used == SecretUsed.CURRENT ? secretSealed : previousSecretSealed;
    return Optional.ofNullable(sealed).map(byte[]::clone);
  }

  /** Which of this template's secrets has {@code hash}, compared in constant time. */
  Optional<SecretUsed> secretWithHash(byte[] hash) {
    if (MessageDigest.isEqual(secretHash, hash)) {
      return Optional.of(SecretUsed.CURRENT);
    }
    if (previousSecretHash != null && MessageDigest.isEqual(previousSecretHash, hash)) {
      return Optional.of(SecretUsed.PREVIOUS);
    }
    return Optional.empty();
  }

  boolean previousSecretValidAt(OffsetDateTime now) {
    return previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt);
  }

  public boolean isEnabled() {
    return enabled;
  }

  public RegistrationMode registrationMode() {
    return registrationMode;
  }

  public OptionalInt maxDevices() {
    return maxDevices == null ? OptionalInt.empty() : OptionalInt.of(maxDevices);
  }

  /** Whether devices may send the template secret itself, as the seed does, or must sign. */
  public boolean plaintextAllowed() {
    return plaintextAllowed;
  }

  public ReauthPolicy reauthPolicy() {
    return reauthPolicy;
  }

  /** Until when the secret replaced by the last rotation is still accepted, if it is. */
  public Optional<OffsetDateTime> previousSecretExpiresAt() {
    return previousSecretValidAt(Clocks.now())
        ? Optional.of(previousSecretExpiresAt)
        : Optional.empty();
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
}
