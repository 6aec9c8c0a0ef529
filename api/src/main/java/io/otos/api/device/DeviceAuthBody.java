package io.otos.api.device;

import static io.otos.api.json.JsonFields.nullableLong;
import static io.otos.api.json.JsonFields.string;

import io.otos.core.auth.AuthRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * The device auth request's JSON body, with the seed's snake_case fields and those of signed mode;
 * unknown fields are ignored.
 */
final class DeviceAuthBody {

  private DeviceAuthBody() {}

  /** The request's fields, each checked to be a string (or absent, or null). */
  static AuthRequest parse(JsonObject body) {
    return new AuthRequest(
        string(body, "template_secret"),
        string(body, "device_number"),
        string(body, "device_name"),
        string(body, "product_key"),
        string(body, "parent_device_number"),
        string(body, "sub_device_addr"),
        new AuthRequest.Signing(
            string(body, "template_id"),
            nullableLong(body, "timestamp"),
            string(body, "nonce"),
            string(body, "sign_method"),
            string(body, "signature")));
  }

  /** The device number of a body that was refused, for the audit trail, when it has one. */
  static String deviceNumberIfAny(JsonObject body) {
    return body != null && body.get("device_number") instanceof JsonString number
        ? number.getString()
        : null;
  }
}
