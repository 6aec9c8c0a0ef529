package io.otos.core.account;

import io.otos.core.audit.AdminAction;
import io.otos.core.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A change an admin makes and its entry in the admin-action audit, in one transaction: neither is
 * kept without the other. The change is any call of the domain's services, which join the
 * transaction.
 */
@ApplicationScoped
public class AdminChanges {

  private final AuditTrail trail;

  @Inject
  public AdminChanges(AuditTrail trail) {
    this.trail = trail;
  }

  /** Needed by CDI for the client proxy. */
  protected AdminChanges() {
    this(null);
  }

  /**
   * Makes {@code change} as {@code actor} and records it as {@code action}, with the template and
   * subject read from its result.
   */
  @Transactional
  public <T> T make(
      Actor actor,
      String action,
      Supplier<T> change,
      Function<T, UUID> templateOf,
      Function<T, String> subjectOf) {
    T result = change.get();
    trail.record(
        new AdminAction(
            actor.username(),
            actor.source(),
            action,
            templateOf.apply(result),
            subjectOf.apply(result)));
    return result;
  }
}
