package io.otos.core.template;

/** Which of a template's secrets a device presented. */
public enum SecretUsed {
  CURRENT,
  /** The secret before the last rotation, accepted until its grace deadline. */
  PREVIOUS
}
