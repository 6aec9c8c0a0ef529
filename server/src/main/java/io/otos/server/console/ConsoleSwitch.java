package io.otos.server.console;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
  static final String NOT_FOUND =
      "{\"code\":404,\"message\":\"Nothing is served at this path\",\"data\":{\"error\":\"NOT_FOUND\"}}";

  @Inject
  @ConfigProperty(name = "otos.console.enabled", defaultValue = "true")
  boolean enabled;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (enabled || isNotConsole(path(request))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(404);
    response.setContentType("application/json");
    response.getOutputStream().write(NOT_FOUND.getBytes(StandardCharsets.UTF_8));
  }

  static boolean isNotConsole(String path) {
    return NOT_CONSOLE.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
  }

  /**
   * The path inside the application, decoded and normalised by the container ("/api/../x" is "/x").
   */
  private static String path(HttpServletRequest request) {
    String info = request.getPathInfo();
    return request.getServletPath() + (info == null ? "" : info);
  }
}
