package io.otos.console.base;

import com.vaadin.flow.server.WrappedSession;
import io.otos.core.account.Account;
import io.otos.core.account.Role;
import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The person signed in to this console session, as kept in the HTTP session: account, name, role,
 * the account's version (its last change) at sign-in, and when the account was last checked to be
 * unchanged.
 */
public record ConsoleUser(
    UUID accountId, String username, Role role, OffsetDateTime accountVersion, Instant checkedAt)
    implements Principal, Serializable {

  static final String SESSION_ATTRIBUTE = ConsoleUser.class.getName();

  public static ConsoleUser of(Account account, Instant now) {
    return new ConsoleUser(
        account.id(), account.username(), account.role(), account.updatedAt(), now);
  }

  @Override
  public String getName() {
    return username;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** Signs this person in to the session. */
  public void storeIn(WrappedSession session) {
    session.setAttribute(SESSION_ATTRIBUTE, this);
  }

  /** Whether the account is as it was at sign-in: enabled, same name, role and password. */
  boolean stillMatches(Account account) {
    return account.enabled()
        && account.role() == role
        && account.username().equals(username)
        && account.updatedAt().isEqual(accountVersion);
  }

  ConsoleUser checked(Instant now) {
    return new ConsoleUser(accountId, username, role, accountVersion, now);
  }
}
