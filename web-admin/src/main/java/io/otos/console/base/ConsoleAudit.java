package io.otos.console.base;

import io.otos.core.account.Actor;
import io.otos.core.audit.AdminAction;
import io.otos.core.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every change an admin makes in the console goes through here: the signed-in account is checked to
 * be an admin (an auditor is refused on the server, whatever the page shows), then the change and
 * its entry in the admin-action audit are made in one transaction, so that neither is kept without
 * the other.
 */
@ApplicationScoped
public class ConsoleAudit {

  private final AuditTrail trail;

  @Inject
  public ConsoleAudit(AuditTrail trail) {
    this.trail = trail;
  }

  /** Needed by CDI for the client proxy. */
  protected ConsoleAudit() {
    this(null);
  }

  /**
   * Makes {@code change} as the signed-in admin and records it as {@code action}, with the template
   * and subject read from its result.
   */
  @Transactional
  public <T> T change(
      String action,
      Supplier<T> change,
      Function<T, UUID> templateOf,
      Function<T, String> subjectOf) {
    Actor actor = CurrentUser.adminActor();
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
