package io.otos.api.device;

import io.otos.api.json.Jsons;
import io.otos.core.auth.AuthResult;
import java.util.UUID;

/**
 * The {@code data} of a successful authentication. As in the seed, {@code voucher} is a string that
 * holds JSON: {@code {"username": "...", "password": "..."}}.
 */
public record DeviceAuthAnswer(UUID deviceId, String voucher) {

  static DeviceAuthAnswer of(AuthResult result) {
    String voucher =
        Jsons.object()
            .add("username", result.voucher().username().toString())
            .add("password", result.voucher().password())
            .build()
            .toString();
    return new DeviceAuthAnswer(result.deviceId(), voucher);
  }

  @Override
  public String toString() {
    return "DeviceAuthAnswer[deviceId=" + deviceId + ", voucher=hidden]";
  }
}
