package io.otos.core.account;

import io.otos.core.audit.AdminAction;
import io.otos.core.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * What a sign-in leaves behind, each in a short transaction of its own after the password was
 * checked (the slow hashing holds no database connection): the account's last sign-in, and an audit
 * entry for every sign-in and every refusal, so that a known and an unknown username do the same
 * work.
 */
@ApplicationScoped
@Transactional
public class SignInRecords {

  static final String SIGNED_IN = "SIGNED_IN";
  static final String SIGN_IN_REFUSED = "SIGN_IN_REFUSED";

  /** The actor of a refusal whose username is no account: what was typed is never stored. */
  static final String UNKNOWN = "(unknown username)";

  private final AccountRepository accounts;
  private final AuditTrail audit;

  @Inject
  public SignInRecords(AccountRepository accounts, AuditTrail audit) {
    this.accounts = accounts;
    this.audit = audit;
  }

  /** Needed by CDI for the client proxy. */
  protected SignInRecords() {
    this(null, null);
  }

  void accepted(UUID accountId, String username, String source) {
    accounts.find(accountId).ifPresent(Account::signedIn);
    audit.record(new AdminAction(username, source, SIGNED_IN, null, username));
  }

  void refused(Optional<String> knownUsername, String source) {
    audit.record(
        new AdminAction(
            knownUsername.orElse(UNKNOWN),
            source,
            SIGN_IN_REFUSED,
            null,
            knownUsername.orElse(null)));
  }
}
