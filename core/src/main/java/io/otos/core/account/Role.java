package io.otos.core.account;

/** What a console account may do. */
public enum Role {
  /** Manages templates, secrets, product keys, devices and accounts. */
  ADMIN,
  /** Reads everything an admin sees, changes nothing. */
  AUDITOR
}
