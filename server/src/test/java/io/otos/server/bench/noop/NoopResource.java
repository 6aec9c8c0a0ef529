package io.otos.server.bench.noop;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;

/** {@code POST /noop/auth}: reads the body, answers as a device auth does, in shape only. */
@Path("auth")
public class NoopResource {

  private static final String ANSWER =
      "{\"code\":200,\"message\":\"Success\",\"data\":{\"device_id\":\"0975384c-a93a-4104-9540-fff662feeede\","
          + "\"voucher\":\"{\\\"username\\\":\\\"60089fd6-fb68-496e-96e0-5686aa2168a1\\\","
          + "\\\"password\\\":\\\"fKz991HZkgFu-l7YtKEK6HyHuHmCqmeQ\\\"}\"}}";

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public String auth(InputStream body) throws IOException {
    body.readAllBytes();
    return ANSWER;
  }
}
