package io.otos.core.audit;

import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Records every auth attempt and every audited admin action, and lets auditors read them back. */
@ApplicationScoped
public class AuditTrail {

  private final AuthAttemptRepository attempts;
  private final AdminActionRepository adminActions;

  @Inject Event<AuthAttempted> attempted;

  @Inject
  public AuditTrail(AuthAttemptRepository attempts, AdminActionRepository adminActions) {
    this.attempts = attempts;
    this.adminActions = adminActions;
  }

  /** Needed by CDI for the client proxy. */
  protected AuditTrail() {
    this(null, null);
  }

  /**
   * Records an attempt in the caller's transaction: it is kept if and only if the work it describes
   * is.
   */
  @Transactional(TxType.MANDATORY)
  public void record(AuthAttempt attempt) {
    attempts.add(attempt);
    attempted.fire(new AuthAttempted(attempt.outcome(), attempt.reason()));
  }

  /**
   * Records an attempt in a transaction of its own: it is kept although the work it describes
   * failed.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void recordApart(AuthAttempt attempt) {
    attempts.add(attempt);
    attempted.fire(new AuthAttempted(attempt.outcome(), attempt.reason()));
  }

  @Transactional
  public Page<AuthAttempt> search(AuthAttemptFilter filter, PageRequest page) {
    return attempts.search(filter, page);
  }

  /** Records an admin action in the caller's transaction, or in one of its own. */
  @Transactional
  public void record(AdminAction action) {
    adminActions.add(action);
  }

  @Transactional
  public Page<AdminAction> adminActions(PageRequest page) {
    return adminActions.list(page);
  }
}
