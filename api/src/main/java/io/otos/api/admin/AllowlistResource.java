package io.otos.api.admin;

import static io.otos.api.json.JsonFields.requiredStrings;

import io.otos.api.error.ApiException;
import io.otos.api.json.Ids;
import io.otos.api.json.JsonBody;
import io.otos.api.json.TextBody;
import io.otos.core.allowlist.AllowlistResult;
import io.otos.core.allowlist.AllowlistService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.regex.Pattern;

/** A template's allowlist: the device numbers registered in advance. */
@RequestScoped
@AdminOnly
@Path("v1/admin/templates/{id}/allowlist")
@Produces(MediaType.APPLICATION_JSON)
public class AllowlistResource {

  /** A JSON list of numbers: up to about 4,000 numbers of the longest kind. */
  static final int MAX_JSON_BYTES = 1024 * 1024;

  /** A CSV file: 1,000,000 lines of typical numbers and names. */
  static final int MAX_CSV_BYTES = 64 * 1024 * 1024;

  static final Pattern CSV =
      Pattern.compile("text/(csv|plain)\\s*(;.*)?", Pattern.CASE_INSENSITIVE);

  @Inject AllowlistService allowlists;

  @PathParam("id")
  String id;

  /** Registers {@code {"device_numbers": [...]}}: all of them, or none when one is wrong. */
  @POST
  public AllowlistResultView add(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
    var json = JsonBody.read(type, body, MAX_JSON_BYTES);
    return AllowlistResultView.of(
        allowlists.add(templateId(), requiredStrings(json, "device_numbers")));
  }

  /** Registers the devices of a CSV file: all of them, or none when one line is wrong. */
  @POST
  @Path("import")
  public AllowlistResultView importCsv(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
    if (type == null || !CSV.matcher(type.strip()).matches()) {
      throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be text/csv");
    }
    AllowlistResult result = allowlists.importCsv(templateId(), TextBody.read(body, MAX_CSV_BYTES));
    return AllowlistResultView.of(result);
  }

  @GET
  public PageView<AllowlistEntryView> list(
      @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    return PageView.of(
        allowlists.list(templateId(), Paging.of(offset, limit)).map(AllowlistEntryView::of));
  }

  /** Takes a number that never provisioned off the allowlist. */
  @DELETE
  @Path("{device_number}")
  public Response remove(@PathParam("device_number") String deviceNumber) {
    allowlists.remove(templateId(), deviceNumber);
    return Response.noContent().build();
  }

  private java.util.UUID templateId() {
    return Ids.parse(id, "id");
  }
}
