package io.otos.api.admin;

import io.otos.api.device.ClientAddress;
import io.otos.core.audit.AdminAction;
import io.otos.core.audit.AuditTrail;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records every management request that changed something (a successful POST, PUT, PATCH or DELETE)
 * in the admin-action audit: who, from where, which method and path, which template. The
 * device-keys endpoints record their own, richer entry. Never a body, so never a secret.
 */
@Provider
@AdminOnly
public class AdminWriteAudit implements ContainerResponseFilter {

  private static final Logger LOG = Logger.getLogger(AdminWriteAudit.class.getName());
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Pattern TEMPLATE = Pattern.compile("templates/([0-9a-fA-F-]{36})(/|$)");

  @Inject AuditTrail audit;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest http;
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String path = request.getUriInfo().getPath(false);
    if (!WRITES.contains(request.getMethod())
        || response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL
        || resource.getResourceClass() == null
        || resource.getResourceClass().isAnnotationPresent(AuditsItself.class)) {
      return;
    }
    Matcher template = TEMPLATE.matcher(path);
    try {
      audit.record(
          new AdminAction(
              AdminTokenFilter.ACTOR,
              clientAddress.of(http),
              AdminAction.ADMIN_WRITE,
              template.find() ? UUID.fromString(template.group(1)) : null,
              request.getMethod() + " /" + path + " " + response.getStatus()));
    } catch (RuntimeException e) {
      // The change is made; losing its audit line must not turn the answer into an error.
      LOG.log(Level.WARNING, "Could not record an admin action: {0}", e.getClass().getName());
    }
  }
}
