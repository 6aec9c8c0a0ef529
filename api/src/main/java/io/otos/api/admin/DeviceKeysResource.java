package io.otos.api.admin;

import io.otos.api.device.ClientAddress;
import io.otos.api.error.ApiException;
import io.otos.api.json.Ids;
import io.otos.api.json.TextBody;
import io.otos.core.auth.DeviceKeyService;
import io.otos.core.auth.DeviceKeyService.DeviceKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/**
 * Devices' derived keys for manufacturing lines (sign method {@code hmac-sha256-device}): one
 * device's key, or a CSV of keys for a CSV of device numbers. Every call is audited.
 */
@RequestScoped
@AdminOnly
@AuditsItself
@Path("v1/admin/templates/{id}/device-keys")
public class DeviceKeysResource {

  /** A CSV of device numbers: 100,000 numbers of typical length, with room to spare. */
  static final int MAX_CSV_BYTES = 16 * 1024 * 1024;

  static final String CSV_TYPE = "text/csv; charset=UTF-8";

  @Inject DeviceKeyService deviceKeys;

  @Inject ClientAddress clientAddress;

  @Context HttpServletRequest http;

  @PathParam("id")
  String id;

  /** The key of the device {@code device_number}. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public DeviceKeyView keyFor(@QueryParam("device_number") String deviceNumber) {
    if (deviceNumber == null) {
      throw ApiException.badRequest(
          "DEVICE_NUMBER_MISSING", "device_number is required (?device_number=...)");
    }
    DeviceKey key =
        deviceKeys.keyFor(
            templateId(), deviceNumber, AdminTokenFilter.ACTOR, clientAddress.of(http));
    return new DeviceKeyView(templateId(), key.deviceNumber(), key.key(), "hmac-sha256-device");
  }

  /**
   * The keys of the devices in a CSV file of device numbers (as for an allowlist import), as CSV:
   * {@code device_number,device_key}, in the file's order.
   */
  @POST
  @Produces("text/csv")
  public Response keysFor(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
    if (type == null || !AllowlistResource.CSV.matcher(type.strip()).matches()) {
      throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be text/csv");
    }
    List<DeviceKey> keys =
        deviceKeys.keysFor(
            templateId(),
            TextBody.read(body, MAX_CSV_BYTES),
            AdminTokenFilter.ACTOR,
            clientAddress.of(http));
    StringBuilder csv = new StringBuilder(keys.size() * 100).append("device_number,device_key\r\n");
    for (DeviceKey key : keys) {
      csv.append(csvField(key.deviceNumber())).append(',').append(key.key()).append("\r\n");
    }
    return Response.ok(csv.toString(), CSV_TYPE).build();
  }

  /** A field quoted as RFC 4180 says when it holds a comma or a quote. */
  static String csvField(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private UUID templateId() {
    return Ids.parse(id, "id");
  }

  /** One device's key, in lowercase hex, and how devices sign with it. */
  public record DeviceKeyView(
      UUID templateId, String deviceNumber, String deviceKey, String signMethod) {
    @Override
    public String toString() {
      return "DeviceKeyView[deviceNumber=" + deviceNumber + ", deviceKey=hidden]";
    }
  }
}
