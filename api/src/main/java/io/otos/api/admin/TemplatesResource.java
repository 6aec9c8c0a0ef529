package io.otos.api.admin;

import static io.otos.api.json.JsonFields.nullableInt;
import static io.otos.api.json.JsonFields.optionalBoolean;
import static io.otos.api.json.JsonFields.optionalEnum;
import static io.otos.api.json.JsonFields.optionalString;
import static io.otos.api.json.JsonFields.requiredInt;
import static io.otos.api.json.JsonFields.requiredString;

import io.otos.api.json.Ids;
import io.otos.api.json.JsonBody;
import io.otos.core.template.ReauthPolicy;
import io.otos.core.template.RegistrationMode;
import io.otos.core.template.TemplateChanges;
import io.otos.core.template.TemplateService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * Device templates: create one (its secret is shown in that answer only), list them, read one,
 * change its policies, rotate its secret.
 */
@RequestScoped
@AdminOnly
@Path("v1/admin/templates")
@Produces(MediaType.APPLICATION_JSON)
public class TemplatesResource {

  @Inject TemplateService templates;

  @POST
  public Response create(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
    JsonObject json = JsonBody.read(type, body);
    var created =
        templates.create(requiredString(json, "name"), optionalString(json, "template_secret"));
    return Response.created(URI.create("v1/admin/templates/" + created.template().id()))
        .entity(CreatedTemplateView.of(created))
        .build();
  }

  @GET
  public PageView<TemplateView> list(
      @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    return PageView.of(templates.list(Paging.of(offset, limit)).map(TemplateView::of));
  }

  @GET
  @Path("{id}")
  public TemplateView get(@PathParam("id") String id) {
    return TemplateView.of(templates.get(Ids.parse(id, "id")));
  }

  /**
   * Changes name and policies; fields left out stay as they are, {@code "max_devices": null} lifts
   * the cap.
   */
  @PATCH
  @Path("{id}")
  public TemplateView change(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
      InputStream body) {
    UUID templateId = Ids.parse(id, "id");
    JsonObject json = JsonBody.read(type, body);
    var changes =
        new TemplateChanges(
            optionalString(json, "name"),
            optionalBoolean(json, "enabled"),
            optionalEnum(json, "registration_mode", RegistrationMode.class),
            nullableInt(json, "max_devices"),
            optionalEnum(json, "reauth_policy", ReauthPolicy.class),
            optionalBoolean(json, "plaintext_allowed"));
    return TemplateView.of(templates.change(templateId, changes));
  }

  /**
   * Gives the template a new secret, shown in this answer only; the old one stays valid for {@code
   * grace_seconds}.
   */
  @POST
  @Path("{id}/rotate-secret")
  public CreatedTemplateView rotateSecret(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
      InputStream body) {
    UUID templateId = Ids.parse(id, "id");
    JsonObject json = JsonBody.read(type, body);
    Duration grace = Duration.ofSeconds(requiredInt(json, "grace_seconds"));
    return CreatedTemplateView.of(
        templates.rotateSecret(templateId, optionalString(json, "template_secret"), grace));
  }
}
