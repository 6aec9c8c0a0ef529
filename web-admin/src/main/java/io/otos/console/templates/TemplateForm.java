package io.otos.console.templates;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import io.otos.core.template.DeviceTemplate;
import io.otos.core.template.ReauthPolicy;
import io.otos.core.template.RegistrationMode;

/**
 * Edits a template's name and policies. It never calls a service: it fires {@link SaveEvent} with a
 * valid draft, or {@link CloseEvent}.
 */
public class TemplateForm extends FormLayout {

  final TextField name = new TextField("Name");
  final Checkbox enabled = new Checkbox("Enabled: devices may authenticate");
  final Select<RegistrationMode> registrationMode = new Select<>();
  final IntegerField maxDevices = new IntegerField("Device cap (empty: none)");
  final Select<ReauthPolicy> reauthPolicy = new Select<>();
  final Checkbox plaintextAllowed = new Checkbox("Plaintext secrets allowed (not only signed)");
  final Button save = new Button("Save");
  private final Binder<TemplateDraft> binder = new Binder<>(TemplateDraft.class);
  private TemplateDraft draft = new TemplateDraft();

  public TemplateForm() {
    name.setId("template-name");
    name.setRequired(true);
    registrationMode.setLabel("Registration");
    registrationMode.setItems(RegistrationMode.values());
    registrationMode.setItemLabelGenerator(
        m ->
            m == RegistrationMode.AUTO ? "Any device with the secret" : "Allowlisted devices only");
    maxDevices.setMin(1);
    reauthPolicy.setLabel("A known device authenticates again");
    reauthPolicy.setItems(ReauthPolicy.values());
    reauthPolicy.setItemLabelGenerator(
        p -> p == ReauthPolicy.REISSUE ? "Issue a new voucher" : "Refuse it");
    binder
        .forField(name)
        .asRequired("A name is required")
        .withValidator(
            n -> n.strip().length() <= DeviceTemplate.MAX_NAME_LENGTH,
            "At most " + DeviceTemplate.MAX_NAME_LENGTH + " characters")
        .bind(TemplateDraft::getName, TemplateDraft::setName);
    binder.bind(enabled, TemplateDraft::isEnabled, TemplateDraft::setEnabled);
    binder
        .forField(registrationMode)
        .asRequired()
        .bind(TemplateDraft::getRegistrationMode, TemplateDraft::setRegistrationMode);
    binder
        .forField(maxDevices)
        .withValidator(m -> m == null || m >= 1, "The cap must be at least 1, or empty")
        .bind(TemplateDraft::getMaxDevices, TemplateDraft::setMaxDevices);
    binder
        .forField(reauthPolicy)
        .asRequired()
        .bind(TemplateDraft::getReauthPolicy, TemplateDraft::setReauthPolicy);
    binder.bind(
        plaintextAllowed, TemplateDraft::isPlaintextAllowed, TemplateDraft::setPlaintextAllowed);
    save.setId("save-template");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(e -> validateAndSave());
    Button cancel = new Button("Cancel", e -> fireEvent(new CloseEvent(this)));
    add(name, enabled, registrationMode, maxDevices, reauthPolicy, plaintextAllowed);
    add(new HorizontalLayout(save, cancel), 2);
  }

  public void edit(TemplateDraft draft) {
    this.draft = draft;
    binder.readBean(draft);
  }

  void validateAndSave() {
    if (binder.writeBeanIfValid(draft)) {
      fireEvent(new SaveEvent(this, draft));
    }
  }

  public Registration addSaveListener(
      com.vaadin.flow.component.ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  public Registration addCloseListener(
      com.vaadin.flow.component.ComponentEventListener<CloseEvent> listener) {
    return addListener(CloseEvent.class, listener);
  }

  /** The admin saved a valid draft. */
  public static class SaveEvent extends ComponentEvent<TemplateForm> {
    private final TemplateDraft draft;

    SaveEvent(TemplateForm source, TemplateDraft draft) {
      super(source, false);
      this.draft = draft;
    }

    public TemplateDraft draft() {
      return draft;
    }
  }

  /** The admin closed the form without saving. */
  public static class CloseEvent extends ComponentEvent<TemplateForm> {
    CloseEvent(TemplateForm source) {
      super(source, false);
    }
  }
}
