package io.otos.core.auth;

import io.otos.core.shared.DomainException;
import io.otos.core.store.StoreFailures;

/**
 * A grouped provisioning failed at one of its requests, and rolled back: that request is to run
 * alone, where it meets its failure again (or not, if it was a race) and answers for it as any
 * request does. Never leaves the group commit, so it carries no stack trace.
 */
final class GroupMemberFailed extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient GroupedProvisioning.Pending member;

  GroupMemberFailed(GroupedProvisioning.Pending member, Throwable cause) {
    super(null, cause, false, false);
    this.member = member;
  }

  /**
   * The failure, as this request's if it is its own: a refusal, or a race it lost. Any other (the
   * database gone, a fault of the service) is no request's in particular, and stays as it is: then
   * every request of the group runs alone, at once, rather than one group after another each
   * meeting it again.
   */
  static RuntimeException of(GroupedProvisioning.Pending member, RuntimeException failure) {
    if (failure instanceof GroupMemberFailed) {
      return failure;
    }
    return failure instanceof DomainException || StoreFailures.isLostRace(failure)
        ? new GroupMemberFailed(member, failure)
        : failure;
  }

  GroupedProvisioning.Pending member() {
    return member;
  }
}
