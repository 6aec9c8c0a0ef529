package io.otos.server.shutdown;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns every new request away once the node is shutting down, and counts the ones it lets in. The
 * refusal says {@code Connection: close}, so that a client's kept-alive connection moves to another
 * node.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ShutdownFilter extends HttpFilter {

  static final String REFUSAL =
      "{\"code\":503,\"message\":\"This node is shutting down; try again, another node will"
          + " answer\",\"data\":{\"error\":\"SHUTTING_DOWN\"}}";

  @Inject Shutdown shutdown;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (shutdown.underway()) {
      response.setStatus(503);
      response.setHeader("Connection", "close");
      response.setHeader("Retry-After", "1");
      response.setContentType("application/json");
      response.getOutputStream().write(REFUSAL.getBytes(StandardCharsets.UTF_8));
      return;
    }
    shutdown.requestStarted();
    try {
      chain.doFilter(request, response);
    } finally {
      shutdown.requestEnded();
    }
  }
}
