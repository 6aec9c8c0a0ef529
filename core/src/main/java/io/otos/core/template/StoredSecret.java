package io.otos.core.template;

import java.util.Objects;

/**
 * How a template secret is kept: its keyed hash, which finds the template of a plaintext request,
 * and its sealed form, which verifies a signed one.
 */
record StoredSecret(byte[] hash, byte[] sealed) {

  StoredSecret {
    hash = Objects.requireNonNull(hash).clone();
    sealed = Objects.requireNonNull(sealed).clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  @Override
  public byte[] sealed() {
    return sealed.clone();
  }
}
