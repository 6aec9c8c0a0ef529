package io.otos.core.auth;

import io.otos.core.template.SecretUsed;
import java.util.UUID;

/** What an attempt has learned so far, so that a failure can be audited with it. */
public final class AttemptContext {

  private UUID templateId;
  private UUID deviceId;
  private SecretUsed secretUsed;
  private boolean secretAccepted;
  private String credential;

  /** A copy, to learn more in without this one learning it. */
  public AttemptContext copy() {
    AttemptContext copy = new AttemptContext();
    copy.templateId = templateId;
    copy.deviceId = deviceId;
    copy.secretUsed = secretUsed;
    copy.secretAccepted = secretAccepted;
    copy.credential = credential;
    return copy;
  }

  public void template(UUID id) {
    this.templateId = id;
  }

  public void device(UUID id) {
    this.deviceId = id;
  }

  /** How the device proves itself: {@code PLAINTEXT} or a sign method. */
  public void credential(String kind) {
    this.credential = kind;
  }

  public String credential() {
    return credential;
  }

  public void secret(SecretUsed used) {
    this.secretUsed = used;
  }

  /** The secret is valid now and its template enabled: later failures are the template's own. */
  public void secretAccepted() {
    this.secretAccepted = true;
  }

  /**
   * The template whose failures this attempt counts towards: none while the secret was not
   * accepted, so that someone holding a rotated-out or guessed secret cannot use up a template's
   * failures and lock its devices out.
   */
  public UUID acceptedTemplateId() {
    return secretAccepted ? templateId : null;
  }

  public SecretUsed secretUsed() {
    return secretUsed;
  }

  public UUID templateId() {
    return templateId;
  }

  public UUID deviceId() {
    return deviceId;
  }
}
