package io.otos.console.base;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Marks the console's session cookie {@code Secure} when {@code otos.console.secure-cookie} says
 * the console is served over HTTPS only (behind a TLS terminator, say): a browser then never sends
 * it over plain HTTP, where anyone on the way could take the session. Off by default, since a
 * browser keeps such a cookie from plain HTTP only for {@code localhost}; the rest of the cookie
 * ({@code HttpOnly}, {@code SameSite=Lax}) is in {@code web.xml}.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

  static final String SECURE = "otos.console.secure-cookie";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    boolean secure =
        ConfigProvider.getConfig().getOptionalValue(SECURE, Boolean.class).orElse(false);
    event.getServletContext().getSessionCookieConfig().setSecure(secure);
  }
}
