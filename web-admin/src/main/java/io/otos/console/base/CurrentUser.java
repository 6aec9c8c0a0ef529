package io.otos.console.base;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import io.otos.core.account.AccountService;
import io.otos.core.account.Actor;
import io.otos.core.shared.ProxiedAddress;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;

/**
 * Who uses the console in this session. Views show write controls only to admins, and every write
 * calls {@link #requireAdmin()} first, so that an auditor is refused on the server too.
 */
public final class CurrentUser {

  private CurrentUser() {}

  public static Optional<ConsoleUser> get() {
    VaadinSession session = VaadinSession.getCurrent();
    WrappedSession http = session == null ? null : session.getSession();
    Object user = http == null ? null : http.getAttribute(ConsoleUser.SESSION_ATTRIBUTE);
    return user instanceof ConsoleUser consoleUser ? Optional.of(consoleUser) : Optional.empty();
  }

  public static boolean isAdmin() {
    return get().map(ConsoleUser::isAdmin).orElse(false);
  }

  /**
   * Refuses the write unless an admin is signed in and their account, read again now, is as it was
   * at sign-in: a session whose admin was just disabled (or given a new password) cannot write in
   * the seconds before its next re-check.
   */
  public static ConsoleUser requireAdmin() {
    ConsoleUser user =
        get()
            .filter(ConsoleUser::isAdmin)
            .orElseThrow(() -> new NotAllowedException("Only admins may change this."));
    CDI.current()
        .select(AccountService.class)
        .get()
        .find(user.accountId())
        .filter(user::stillMatches)
        .orElseThrow(
            () -> new NotAllowedException("Your account has changed: sign out and in again."));
    return user;
  }

  /** The signed-in admin and their address, for the admin-action audit. */
  public static Actor adminActor() {
    return new Actor(requireAdmin().username(), address());
  }

  /** Where the person is, as the audit and the sign-in throttle see it (behind a proxy too). */
  public static String address() {
    VaadinRequest request = VaadinRequest.getCurrent();
    if (request == null) {
      return null;
    }
    return CDI.current()
        .select(ProxiedAddress.class)
        .get()
        .of(request::getHeaders, request.getRemoteAddr());
  }

  /** A write refused because the session's account may not make it. */
  public static final class NotAllowedException extends RuntimeException {
    NotAllowedException(String message) {
      super(message, null, false, false);
    }
  }
}
