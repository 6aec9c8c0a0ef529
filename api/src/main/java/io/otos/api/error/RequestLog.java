package io.otos.api.error;

import io.otos.api.device.ClientAddress;
import io.otos.core.secret.Randomness;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * One log line per API request (method, path, status, duration, source, request id), written off
 * the request's thread, and the request id in the {@code X-Request-Id} answer header. The source is
 * the device's address as {@link ClientAddress} sees it (the proxy's word for it, when configured),
 * as in the audit trail. The id is the caller's own id when it sent a sensible one, a new one
 * otherwise. Neither bodies, query strings nor headers are logged, so no secret can be.
 *
 * <p>A 5xx answer is also told as {@link ServerErrorAnswered}: counted as it leaves, it is the one
 * answer no other metric sees (a request the database could not serve is neither audited nor
 * throttled).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String HEADER = "X-Request-Id";
  private static final Pattern SENSIBLE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final String ID = RequestLog.class.getName() + ".id";
  private static final String STARTED = RequestLog.class.getName() + ".started";

  @Context HttpServletRequest http;
  @Inject ClientAddress clientAddress;
  @Inject LogWriter log;
  @Inject Event<ServerErrorAnswered> serverErrors;

  @Override
  public void filter(ContainerRequestContext request) {
    String given = request.getHeaderString(HEADER);
    String id =
        given != null && SENSIBLE_ID.matcher(given).matches()
            ? given
            : Randomness.uuid().toString();
    request.setProperty(ID, id);
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(ID);
    if (id == null) {
      return;
    }
    response.getHeaders().putSingle(HEADER, id);
    long millis = (System.nanoTime() - (long) request.getProperty(STARTED)) / 1_000_000;
    String path = request.getUriInfo().getPath(false);
    int status = response.getStatus();
    if (status >= 500) {
      serverErrors.fire(new ServerErrorAnswered(ServerErrorAnswered.endpointOf(path), status));
    }
    log.info(
        request.getMethod()
            + " /"
            + path
            + " "
            + status
            + " "
            + millis
            + "ms from "
            + clientAddress.of(http)
            + " request-id="
            + id);
  }
}
