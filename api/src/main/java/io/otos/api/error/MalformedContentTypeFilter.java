package io.otos.api.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;

/**
 * Refuses an API request whose {@code Content-Type} header cannot be parsed, before the JAX-RS
 * runtime sees it: the runtime fails on such a header outside of its exception mappers, and the
 * server's HTML error page would answer instead of the envelope.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class MalformedContentTypeFilter extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String header = request.getHeader("Content-Type");
    if (header != null && !header.isBlank() && !parses(header)) {
      Responses.write(
          response,
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          "Content-Type is malformed; it must be application/json");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean parses(String header) {
    try {
      MediaType type = MediaType.valueOf(header);
      String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
      return charset == null || !charset.isBlank();
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }
}
