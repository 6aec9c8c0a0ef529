package io.otos.core.audit;

import io.otos.core.secret.Randomness;
import io.otos.core.shared.Clocks;
import io.otos.core.shared.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Something an admin did that auditors must be able to see: who, from where, what, to which
 * template and what about it (a device number, a count). Never a secret or a key.
 */
@Entity
@Table(name = "admin_action")
public class AdminAction {

  /** Device keys were derived and handed out for manufacturing. */
  public static final String DEVICE_KEYS_ISSUED = "DEVICE_KEYS_ISSUED";

  /** Any other management request that changed something; the subject names method and path. */
  public static final String ADMIN_WRITE = "ADMIN_WRITE";

  @Id private UUID id;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime occurredAt;

  @Column(nullable = false)
  private String actor;

  @Column(name = "source_address")
  private String sourceAddress;

  @Column(nullable = false)
  private String action;

  @Column(name = "template_id")
  @Convert(converter = NullableUuidConverter.class)
  private UUID templateId;

  private String subject;

  protected AdminAction() {}

  public AdminAction(
      String actor, String sourceAddress, String action, UUID templateId, String subject) {
    this.id = Randomness.uuid();
    this.occurredAt = Clocks.now();
    this.actor = Objects.requireNonNull(actor);
    this.sourceAddress = AuthAttempt.printable(sourceAddress, AuthAttempt.MAX_SOURCE);
    this.action = Objects.requireNonNull(action);
    this.templateId = templateId;
    this.subject = AuthAttempt.printable(subject, AuthAttempt.MAX_DETAIL);
  }

  public UUID id() {
    return id;
  }

  public OffsetDateTime occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public Optional<String> sourceAddress() {
    return Optional.ofNullable(sourceAddress);
  }

  public String action() {
    return action;
  }

  public Optional<UUID> templateId() {
    return Optional.ofNullable(templateId);
  }

  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }
}
