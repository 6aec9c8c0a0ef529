package io.otos.core.audit;

import io.otos.core.shared.Clocks;
import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import io.otos.core.shared.Position;
import io.otos.core.store.Inserts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

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
   * Records an attempt with the other {@code inserts} of the caller's transaction, which the caller
   * writes: it is kept if and only if the work it describes is.
   */
  @Transactional(TxType.MANDATORY)
  public void record(AuthAttempt attempt, Inserts inserts) {
    inserts.add(attempt.asNewRow());
    attempted.fire(AuthAttempted.of(attempt));
  }

  /**
   * Records an attempt in a transaction of its own: it is kept although the work it describes
   * failed.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void recordApart(AuthAttempt attempt) {
    attempts.add(attempt);
    attempted.fire(AuthAttempted.of(attempt));
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
    return adminActions.search(AdminActionFilter.ALL, page);
  }

  /** A page of attempts, newest first, without counting them all: what a scrolling grid needs. */
  @Transactional
  public List<AuthAttempt> attempts(AuthAttemptFilter filter, PageRequest page) {
    return attempts.read(filter, Optional.empty(), page);
  }

  /** The next {@code limit} attempts after {@code after} (from the newest when empty). */
  @Transactional
  public List<AuthAttempt> attemptsAfter(
      AuthAttemptFilter filter, Optional<Position> after, int limit) {
    return attempts.read(filter, after, new PageRequest(0, limit));
  }

  /** A page of admin actions, newest first, without counting them all. */
  @Transactional
  public List<AdminAction> actions(AdminActionFilter filter, PageRequest page) {
    return adminActions.read(filter, Optional.empty(), page);
  }

  /** The next {@code limit} admin actions after {@code after} (from the newest when empty). */
  @Transactional
  public List<AdminAction> actionsAfter(
      AdminActionFilter filter, Optional<Position> after, int limit) {
    return adminActions.read(filter, after, new PageRequest(0, limit));
  }

  /** Successes and failures per {@code bucket} since {@code from}, oldest first, gaps left out. */
  @Transactional
  public List<ActivityBucket> activity(OffsetDateTime from, Duration bucket) {
    return attempts.activity(from, bucket);
  }

  /** Devices provisioned and attempts failed since midnight UTC. */
  @Transactional
  public AttemptsToday today() {
    return attempts.since(Clocks.now().truncatedTo(ChronoUnit.DAYS));
  }
}
