package io.otos.api.admin;

import io.otos.api.error.ApiException;
import io.otos.core.audit.AuditTrail;
import io.otos.core.audit.AuthAttemptFilter;
import io.otos.core.audit.AuthOutcome;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Optional;

/** The audit trail of auth attempts, newest first, filtered by device number and outcome. */
@RequestScoped
@AdminOnly
@Path("v1/admin/auth-attempts")
@Produces(MediaType.APPLICATION_JSON)
public class AuthAttemptsResource {

  @Inject AuditTrail audit;

  @GET
  public PageView<AuthAttemptView> search(
      @QueryParam("device_number") String deviceNumber,
      @QueryParam("outcome") String outcome,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    var filter =
        new AuthAttemptFilter(
            Optional.ofNullable(deviceNumber).filter(n -> !n.isEmpty()),
            Optional.ofNullable(outcome)
                .filter(o -> !o.isEmpty())
                .map(AuthAttemptsResource::outcome));
    return PageView.of(audit.search(filter, Paging.of(offset, limit)).map(AuthAttemptView::of));
  }

  private static AuthOutcome outcome(String value) {
    try {
      return AuthOutcome.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("OUTCOME_INVALID", "outcome must be SUCCESS or FAILURE");
    }
  }
}
