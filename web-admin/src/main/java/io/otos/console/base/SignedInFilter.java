package io.otos.console.base;

import io.otos.core.account.Account;
import io.otos.core.account.AccountService;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Makes the person signed in to a console session its request's principal, so that the console's
 * access control ({@code @RolesAllowed}, {@code @PermitAll}) sees who it is. Every {@link
 * AccountService#RECHECK} the account is read again: a disabled, deleted or changed account (a new
 * password too) ends its sessions within that time. Requests without a session (every device
 * request) pass untouched.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SignedInFilter extends HttpFilter {

  @Inject AccountService accounts;

  private final Clock clock = Clock.systemUTC();

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpSession session = request.getSession(false);
    Object attribute = session == null ? null : session.getAttribute(ConsoleUser.SESSION_ATTRIBUTE);
    if (!(attribute instanceof ConsoleUser user)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ConsoleUser> current = recheck(user, session);
    if (current.isEmpty()) {
      session.invalidate();
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(new SignedInRequest(request, current.get()), response);
  }

  private Optional<ConsoleUser> recheck(ConsoleUser user, HttpSession session) {
    Instant now = clock.instant();
    if (user.checkedAt().plus(AccountService.RECHECK).isAfter(now)) {
      return Optional.of(user);
    }
    Optional<Account> account = accounts.find(user.accountId()).filter(user::stillMatches);
    if (account.isEmpty()) {
      return Optional.empty();
    }
    ConsoleUser checked = user.checked(now);
    session.setAttribute(ConsoleUser.SESSION_ATTRIBUTE, checked);
    return Optional.of(checked);
  }

  private static final class SignedInRequest extends HttpServletRequestWrapper {

    private final ConsoleUser user;

    SignedInRequest(HttpServletRequest request, ConsoleUser user) {
      super(request);
      this.user = user;
    }

    @Override
    public Principal getUserPrincipal() {
      return user;
    }

    @Override
    public String getRemoteUser() {
      return user.username();
    }

    @Override
    public boolean isUserInRole(String role) {
      return user.role().name().equals(role);
    }
  }
}
