package io.otos.api.admin;

import io.otos.api.error.Responses;
import io.otos.core.access.AdminToken;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Lets a management request through only with {@code Authorization: Bearer <admin token>}. */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {

  /** Who a request let through acted as, for the audit: the management API knows one admin. */
  static final String ACTOR = "admin-token";

  private static final String BEARER = "Bearer ";

  @Inject AdminToken adminToken;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!adminToken.isConfigured()) {
      request.abortWith(
          Responses.error(
              401,
              "MANAGEMENT_DISABLED",
              "The management API is disabled: OTOS_ADMIN_TOKEN is not set to a token of at least 16 characters"));
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String token =
        header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? header.substring(BEARER.length()).strip()
            : null;
    if (!adminToken.accepts(token)) {
      var refusal =
          Responses.error(
              401,
              "ADMIN_TOKEN_INVALID",
              "A valid admin token is required: Authorization: Bearer <OTOS_ADMIN_TOKEN>");
      refusal.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"otos\"");
      request.abortWith(refusal);
    }
  }
}
