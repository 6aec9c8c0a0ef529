package io.otos.api.device;

import io.otos.api.error.ApiException;
import io.otos.api.error.ApiResponse;
import io.otos.api.json.JsonBody;
import io.otos.core.auth.AuthRequest;
import io.otos.core.auth.AuthResult;
import io.otos.core.auth.DeviceAuthService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * {@code POST /api/v1/device/auth}: One Type One Secret dynamic authentication, as the seed
 * specifies it.
 *
 * <p>One instance serves every request (the request comes in as a parameter): a request-scoped
 * resource would be created, injected and intercepted anew for each of the thousands of devices a
 * second, which profiles showed costing about a tenth of the endpoint's CPU.
 */
@ApplicationScoped
@Path(DeviceAuthResource.PATH)
public class DeviceAuthResource {

  /** Where the device API is, under {@code /api}. */
  public static final String PATH = "v1/device/auth";

  private final DeviceAuthService deviceAuth;
  private final ClientAddress clientAddress;

  @Inject
  public DeviceAuthResource(DeviceAuthService deviceAuth, ClientAddress clientAddress) {
    this.deviceAuth = deviceAuth;
    this.clientAddress = clientAddress;
  }

  /** Needed by CDI for the client proxy. */
  protected DeviceAuthResource() {
    this(null, null);
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @Timed(
      name = "otos_device_auth_duration",
      absolute = true,
      description = "Time to answer POST /api/v1/device/auth, refusals included")
  public ApiResponse<DeviceAuthAnswer> authenticate(
      @Context HttpServletRequest http,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body) {
    String source = clientAddress.of(http);
    AuthRequest request = read(contentType, body, source);
    AuthResult result = deviceAuth.authenticate(request, source);
    return ApiResponse.success(DeviceAuthAnswer.of(result));
  }

  private AuthRequest read(String contentType, InputStream body, String source) {
    JsonObject json = null;
    try {
      json = JsonBody.read(contentType, body);
      return DeviceAuthBody.parse(json);
    } catch (ApiException refused) {
      deviceAuth.rejected(
          DeviceAuthBody.deviceNumberIfAny(json), source, refused.code(), refused.getMessage());
      throw refused;
    }
  }
}
