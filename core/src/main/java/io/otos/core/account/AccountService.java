package io.otos.core.account;

import com.github.benmanes.caffeine.cache.Ticker;
import io.otos.core.audit.AdminAction;
import io.otos.core.audit.AuditTrail;
import io.otos.core.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Console accounts: signing in (slowed down after repeated failures), and what admins do to
 * accounts. There is no default password: the first admin comes from configuration ({@link
 * FirstAdmin}).
 */
@ApplicationScoped
@Transactional
public class AccountService {

  /** How often a signed-in session checks that its account is still enabled and unchanged. */
  public static final Duration RECHECK = Duration.ofSeconds(30);

  private AccountRepository accounts;
  private AuditTrail audit;
  private SignInRecords records;
  private PasswordHash passwords;
  private SignInThrottle byUsername;
  private SignInThrottle byAddress;
  private String unknownUserHash;

  /**
   * At most two sign-ins hash at once, a core's worth each: a flood of sign-ins from many addresses
   * is told to wait rather than take every request thread (and with them the device API).
   */
  private final Semaphore hashing = new Semaphore(2);

  @Inject Event<SignInThrottled> throttled;

  @Inject
  public AccountService(AccountRepository accounts, AuditTrail audit, SignInRecords records) {
    this.accounts = accounts;
    this.audit = audit;
    this.records = records;
    this.passwords = new PasswordHash();
    this.byUsername = new SignInThrottle(5, Ticker.systemTicker());
    this.byAddress = new SignInThrottle(20, Ticker.systemTicker());
    this.unknownUserHash = passwords.hash("a password that no account has");
  }

  /** Needed by CDI for the client proxy. */
  protected AccountService() {}

  /**
   * Checks a username and password typed at {@code source}, outside any transaction: the slow
   * hashing holds no database connection. An unknown username costs the same hashing and the same
   * audit write as a known one; a refusal never says whether the name exists.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public SignIn signIn(String typedUsername, String password, String source) {
    String name = throttleKey(typedUsername);
    String address = source == null ? "" : source;
    Optional<Duration> wait = byUsername.begin(name);
    if (wait.isPresent()) {
      return throttled(SignInThrottled.USERNAME, wait.get());
    }
    wait = byAddress.begin(address);
    if (wait.isPresent()) {
      byUsername.refund(name);
      return throttled(SignInThrottled.ADDRESS, wait.get());
    }
    Optional<Account> account =
        password != null && password.length() <= PasswordHash.MAX_LENGTH
            ? findByTypedName(name)
            : Optional.empty();
    boolean matches;
    if (!hashing.tryAcquire()) {
      byUsername.refund(name);
      byAddress.refund(address);
      return throttled(SignInThrottled.HASHING, Duration.ofSeconds(1));
    }
    try {
      matches =
          passwords.matches(password, account.map(Account::passwordHash).orElse(unknownUserHash));
    } finally {
      hashing.release();
    }
    if (account.isEmpty() || !matches || !account.get().enabled()) {
      records.refused(account.map(Account::username), source);
      return new SignIn.Refused();
    }
    byUsername.succeeded(name);
    byAddress.refund(address);
    records.accepted(account.get().id(), account.get().username(), source);
    return new SignIn.Accepted(account.get());
  }

  private SignIn throttled(String limit, Duration wait) {
    throttled.fire(new SignInThrottled(limit));
    return new SignIn.Throttled(wait);
  }

  /**
   * The name as the throttle counts it: what was typed, folded, when it could be a username; one
   * shared key for everything else, so that made-up megabyte names cost no memory.
   */
  static String throttleKey(String typed) {
    String name = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    return name.length() <= Username.MAX_LENGTH ? name : "(not a username)";
  }

  /** Creates an account; its username must be new. */
  public Account create(String username, String password, Role role, Actor actor) {
    Username name = Username.of(username);
    PasswordHash.requireAcceptable(password);
    if (accounts.findByUsername(name).isPresent()) {
      throw usernameTaken();
    }
    Account account = new Account(name, passwords.hash(password), role);
    accounts.add(account);
    record(actor.username(), actor.source(), "ACCOUNT_CREATED", name + " (" + role + ")");
    return account;
  }

  public Account resetPassword(UUID id, String password, Actor actor) {
    PasswordHash.requireAcceptable(password);
    Account account = get(id);
    account.changePassword(passwords.hash(password));
    record(actor.username(), actor.source(), "PASSWORD_RESET", account.username());
    return account;
  }

  /** Enables or disables an account; the last enabled admin cannot be disabled. */
  public Account setEnabled(UUID id, boolean enabled, Actor actor) {
    Account account = get(id);
    if (!enabled
        && account.role() == Role.ADMIN
        && account.enabled()
        && accounts.lockEnabledAdmins().stream().noneMatch(a -> !a.id().equals(id))) {
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "LAST_ADMIN",
          "the last enabled admin cannot be disabled: enable or create another admin first");
    }
    account.enable(enabled);
    record(
        actor.username(),
        actor.source(),
        enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED",
        account.username());
    return account;
  }

  /** The account as it is now, to re-check a session: empty when gone. */
  public Optional<Account> find(UUID id) {
    return accounts.find(id);
  }

  public List<Account> list() {
    return accounts.all();
  }

  public long count() {
    return accounts.count();
  }

  /** Creates the first admin if there is no account at all; returns whether it did. */
  public boolean createFirstAdmin(String username, String password) {
    if (accounts.count() > 0) {
      return false;
    }
    create(username, password, Role.ADMIN, new Actor("configuration", null));
    return true;
  }

  static DomainException usernameTaken() {
    return new DomainException(
        DomainException.Kind.CONFLICT, "USERNAME_TAKEN", "an account with this username exists");
  }

  private Account get(UUID id) {
    return accounts
        .find(id)
        .orElseThrow(
            () ->
                new DomainException(
                    DomainException.Kind.NOT_FOUND, "ACCOUNT_NOT_FOUND", "no such account"));
  }

  private Optional<Account> findByTypedName(String name) {
    try {
      return accounts.findByUsername(new Username(name));
    } catch (DomainException notAUsername) {
      return Optional.empty();
    }
  }

  private void record(String actor, String source, String action, String subject) {
    audit.record(new AdminAction(actor, source, action, null, subject));
  }
}
