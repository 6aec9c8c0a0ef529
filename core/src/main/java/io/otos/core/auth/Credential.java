package io.otos.core.auth;

/** How a device proves that it belongs to a template: the secret itself, or a signature. */
public sealed interface Credential permits Credential.Plain, SignedRequest {

  /** The kind of credential, as the audit trail records it. */
  String kind();

  /** The template secret itself, as the seed sends it. {@link #toString()} never shows it. */
  record Plain(String secret) implements Credential {

    @Override
    public String kind() {
      return "PLAINTEXT";
    }

    @Override
    public String toString() {
      return "Plain[hidden]";
    }
  }
}
