package io.otos.console.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.otos.core.template.ReauthPolicy;
import io.otos.core.template.RegistrationMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TemplateFormTest {

  private final TemplateForm form = new TemplateForm();
  private final List<TemplateDraft> saved = new ArrayList<>();

  @BeforeEach
  void listen() {
    form.edit(new TemplateDraft());
    form.addSaveListener(e -> saved.add(e.draft()));
  }

  @Test
  void aValidFormSavesWhatWasTyped() {
    form.name.setValue("Thermometer");
    form.registrationMode.setValue(RegistrationMode.ALLOWLIST);
    form.maxDevices.setValue(500);
    form.reauthPolicy.setValue(ReauthPolicy.REJECT);
    form.plaintextAllowed.setValue(false);

    form.validateAndSave();

    assertThat(saved).hasSize(1);
    var changes = saved.get(0).changes();
    assertThat(changes.name()).contains("Thermometer");
    assertThat(changes.registrationMode()).contains(RegistrationMode.ALLOWLIST);
    assertThat(changes.maxDevices()).contains(OptionalInt.of(500));
    assertThat(changes.reauthPolicy()).contains(ReauthPolicy.REJECT);
    assertThat(changes.plaintextAllowed()).contains(false);
  }

  @Test
  void anEmptyCapRemovesTheCap() {
    form.name.setValue("Thermometer");
    form.maxDevices.clear();

    form.validateAndSave();

    assertThat(saved.get(0).changes().maxDevices()).contains(OptionalInt.empty());
  }

  @Test
  void aBlankNameOrACapBelowOneSavesNothing() {
    form.name.setValue("");
    form.validateAndSave();
    form.name.setValue("Thermometer");
    form.maxDevices.setValue(0);
    form.validateAndSave();

    assertThat(saved).isEmpty();
    assertThat(form.maxDevices.isInvalid()).isTrue();
  }
}
