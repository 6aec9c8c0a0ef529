package io.otos.core.audit;

import io.otos.core.secret.Randomness;
import io.otos.core.shared.Clocks;
import io.otos.core.shared.NullableUuidConverter;
import io.otos.core.store.Inserts;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One call of the device auth API, successful or not, as the audit trail keeps it: when, from
 * where, for which device number and template, how it ended and why. Never the secret or the
 * voucher password.
 */
@Entity
@Table(name = "auth_attempt")
public class AuthAttempt {

  static final int MAX_DEVICE_NUMBER = 255;
  static final int MAX_DETAIL = 512;
  static final int MAX_SOURCE = 64;

  @Id private UUID id;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime occurredAt;

  @Column(name = "source_address")
  private String sourceAddress;

  @Column(name = "device_number")
  private String deviceNumber;

  @Column(name = "template_id")
  @Convert(converter = NullableUuidConverter.class)
  private UUID templateId;

  @Column(name = "device_id")
  @Convert(converter = NullableUuidConverter.class)
  private UUID deviceId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AuthOutcome outcome;

  @Column(nullable = false)
  private String reason;

  private String detail;

  @Column(name = "secret_used")
  private String secretUsed;

  private String credential;

  protected AuthAttempt() {}

  /**
   * An attempt as seen by the service. Text that came from the client is kept printable and cut to
   * the column's size, since a failed attempt may carry anything.
   */
  public AuthAttempt(
      String sourceAddress,
      String deviceNumber,
      UUID templateId,
      UUID deviceId,
      AuthOutcome outcome,
      String reason,
      String detail) {
    this.id = Randomness.uuid();
    this.occurredAt = Clocks.now();
    this.sourceAddress = printable(sourceAddress, MAX_SOURCE);
    this.deviceNumber = printable(deviceNumber, MAX_DEVICE_NUMBER);
    this.templateId = templateId;
    this.deviceId = deviceId;
    this.outcome = Objects.requireNonNull(outcome);
    this.reason = Objects.requireNonNull(reason);
    this.detail = printable(detail, MAX_DETAIL);
  }

  /** This new attempt's row, to be written with other rows in one statement. */
  Inserts.Row asNewRow() {
    return new Inserts.Row(
        "auth_attempt",
        List.of(
            new Inserts.Column("id", "uuid", id),
            new Inserts.Column("occurred_at", "timestamptz", occurredAt),
            new Inserts.Column("source_address", "text", sourceAddress),
            new Inserts.Column("device_number", "text", deviceNumber),
            new Inserts.Column("template_id", "uuid", templateId),
            new Inserts.Column("device_id", "uuid", deviceId),
            new Inserts.Column("outcome", "text", outcome.name()),
            new Inserts.Column("reason", "text", reason),
            new Inserts.Column("detail", "text", detail),
            new Inserts.Column("secret_used", "text", secretUsed),
            new Inserts.Column("credential", "text", credential)));
  }

  static String printable(String text, int maxLength) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength));
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (out.length() + Character.charCount(cp) > maxLength) {
        break;
      }
      boolean control = Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT;
      out.appendCodePoint(control ? '?' : cp);
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  public UUID id() {
    return id;
  }

  public OffsetDateTime occurredAt() {
    return occurredAt;
  }

  public Optional<String> sourceAddress() {
    return Optional.ofNullable(sourceAddress);
  }

  public Optional<String> deviceNumber() {
    return Optional.ofNullable(deviceNumber);
  }

  public Optional<UUID> templateId() {
    return Optional.ofNullable(templateId);
  }

  public Optional<UUID> deviceId() {
    return Optional.ofNullable(deviceId);
  }

  public AuthOutcome outcome() {
    return outcome;
  }

  public String reason() {
    return reason;
  }

  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  /**
   * Which of the template's secrets the attempt presented ({@code CURRENT} or {@code PREVIOUS}), if
   * known.
   */
  public Optional<String> secretUsed() {
    return Optional.ofNullable(secretUsed);
  }

  /**
   * How the attempt proved itself: {@code PLAINTEXT} (the template secret) or the sign method
   * ({@code HMAC_SHA256}, {@code HMAC_SHA256_DEVICE}); empty when the request was unreadable.
   */
  public Optional<String> credential() {
    return Optional.ofNullable(credential);
  }

  /** Records how the attempt proved itself. */
  public AuthAttempt withCredential(String kind) {
    this.credential = kind;
    return this;
  }

  /** Records which of the template's secrets the attempt presented. */
  public AuthAttempt withSecretUsed(String used) {
    this.secretUsed = used;
    return this;
  }
}
