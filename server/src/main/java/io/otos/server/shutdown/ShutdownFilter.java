package io.otos.server.shutdown;

import io.otos.api.error.Responses;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Turns every new request away once the node is shutting down. The refusal says {@code Connection:
 * close}, so that a client's kept-alive connection moves to another node.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ShutdownFilter extends HttpFilter {

  @Inject Shutdown shutdown;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (shutdown.underway()) {
      response.setHeader("Connection", "close");
      response.setHeader("Retry-After", "1");
      Responses.write(
          response,
          503,
          "SHUTTING_DOWN",
          "This node is shutting down; try again, another node will answer");
      return;
    }
    chain.doFilter(request, response);
  }
}
