package io.otos.server.console;

import io.otos.api.error.Responses;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code otos.console.enabled=false}, answers 404 for every path of the console (its pages,
 * its resources, the API reference), as if it were not installed, while the APIs under {@code
 * /api/}, health, metrics and the OpenAPI document go on.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ConsoleSwitch extends HttpFilter {

  static final List<String> NOT_CONSOLE = List.of("/api", "/health", "/metrics", "/openapi");

  @Inject
  @ConfigProperty(name = "otos.console.enabled", defaultValue = "true")
  boolean enabled;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (enabled || isNotConsole(request.getServletPath())) {
      chain.doFilter(request, response);
      return;
    }
    Responses.write(response, 404, "NOT_FOUND", "Nothing is served at this path");
  }

  /**
   * Whether the servlet that answers is not the console's, judged by its servlet path: the APIs and
   * the operator endpoints are mapped under these paths, while the console (Vaadin, mapped to
   * {@code /*}) has an empty one or its own. The container has decoded and normalised the path, so
   * "/api/../x" is not under "/api".
   */
  static boolean isNotConsole(String servletPath) {
    return NOT_CONSOLE.stream()
        .anyMatch(p -> servletPath.equals(p) || servletPath.startsWith(p + "/"));
  }
}
