package io.otos.console.base;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
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

  /** Refuses the write unless an admin is signed in. */
  public static ConsoleUser requireAdmin() {
    return get()
        .filter(ConsoleUser::isAdmin)
        .orElseThrow(() -> new NotAllowedException("Only admins may change this."));
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
