package io.otos.core.template;

/** Which device numbers may provision under a template. */
public enum RegistrationMode {
  /** Any number: the first authentication creates the device. */
  AUTO,
  /** Only numbers registered in advance on the template's allowlist. */
  ALLOWLIST
}
