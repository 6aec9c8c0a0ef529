package io.otos.console.base;

import io.otos.core.account.AdminChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every change an admin makes in the console goes through here: the signed-in account is checked to
 * be an admin, as it is now in the database (an auditor is refused on the server, whatever the page
 * shows), then {@link AdminChanges} makes the change and its audit entry in one transaction.
 */
@ApplicationScoped
public class ConsoleAudit {

  private final AdminChanges changes;

  @Inject
  public ConsoleAudit(AdminChanges changes) {
    this.changes = changes;
  }

  /** Needed by CDI for the client proxy. */
  protected ConsoleAudit() {
    this(null);
  }

  /**
   * Makes {@code change} as the signed-in admin and records it as {@code action}, with the template
   * and subject read from its result.
   */
  public <T> T change(
      String action,
      Supplier<T> change,
      Function<T, UUID> templateOf,
      Function<T, String> subjectOf) {
    return changes.make(CurrentUser.adminActor(), action, change, templateOf, subjectOf);
  }
}
