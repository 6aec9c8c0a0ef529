package io.otos.api.admin;

import io.otos.core.audit.AdminAction;
import io.otos.core.audit.AuditTrail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The audit trail of admin actions, newest first. */
@RequestScoped
@AdminOnly
@Path("v1/admin/admin-actions")
@Produces(MediaType.APPLICATION_JSON)
public class AdminActionsResource {

  @Inject AuditTrail audit;

  @GET
  public PageView<AdminActionView> list(
      @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    return PageView.of(audit.adminActions(Paging.of(offset, limit)).map(AdminActionView::of));
  }

  /** An admin action as the management API shows it. */
  public record AdminActionView(
      UUID id,
      OffsetDateTime occurredAt,
      String actor,
      String sourceAddress,
      String action,
      UUID templateId,
      String subject) {

    static AdminActionView of(AdminAction action) {
      return new AdminActionView(
          action.id(),
          action.occurredAt(),
          action.actor(),
          action.sourceAddress().orElse(null),
          action.action(),
          action.templateId().orElse(null),
          action.subject().orElse(null));
    }
  }
}
