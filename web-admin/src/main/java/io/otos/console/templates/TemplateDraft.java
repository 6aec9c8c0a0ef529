package io.otos.console.templates;

import io.otos.core.template.DeviceTemplate;
import io.otos.core.template.ReauthPolicy;
import io.otos.core.template.RegistrationMode;
import io.otos.core.template.TemplateChanges;
import java.util.Optional;
import java.util.OptionalInt;

/** What the template form edits: the name and the policies, as plain properties for a binder. */
public class TemplateDraft {

  private String name = "";
  private boolean enabled = true;
  private RegistrationMode registrationMode = RegistrationMode.AUTO;
  private Integer maxDevices;
  private ReauthPolicy reauthPolicy = ReauthPolicy.REISSUE;
  private boolean plaintextAllowed = true;

  static TemplateDraft of(DeviceTemplate template) {
    TemplateDraft draft = new TemplateDraft();
    draft.name = template.name();
    draft.enabled = template.isEnabled();
    draft.registrationMode = template.registrationMode();
    OptionalInt cap = template.maxDevices();
    draft.maxDevices = cap.isPresent() ? cap.getAsInt() : null;
    draft.reauthPolicy = template.reauthPolicy();
    draft.plaintextAllowed = template.plaintextAllowed();
    return draft;
  }

  /** Every field, as changes to apply; an empty cap removes the cap. */
  TemplateChanges changes() {
    return new TemplateChanges(
        Optional.of(name),
        Optional.of(enabled),
        Optional.of(registrationMode),
        Optional.of(maxDevices == null ? OptionalInt.empty() : OptionalInt.of(maxDevices)),
        Optional.of(reauthPolicy),
        Optional.of(plaintextAllowed));
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public RegistrationMode getRegistrationMode() {
    return registrationMode;
  }

  public void setRegistrationMode(RegistrationMode registrationMode) {
    this.registrationMode = registrationMode;
  }

  public Integer getMaxDevices() {
    return maxDevices;
  }

  public void setMaxDevices(Integer maxDevices) {
    this.maxDevices = maxDevices;
  }

  public ReauthPolicy getReauthPolicy() {
    return reauthPolicy;
  }

  public void setReauthPolicy(ReauthPolicy reauthPolicy) {
    this.reauthPolicy = reauthPolicy;
  }

  public boolean isPlaintextAllowed() {
    return plaintextAllowed;
  }

  public void setPlaintextAllowed(boolean plaintextAllowed) {
    this.plaintextAllowed = plaintextAllowed;
  }
}
