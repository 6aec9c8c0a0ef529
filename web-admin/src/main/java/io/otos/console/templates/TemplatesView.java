package io.otos.console.templates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.otos.console.base.ConsoleAudit;
import io.otos.console.base.CurrentUser;
import io.otos.console.base.Feedback;
import io.otos.console.base.Paging;
import io.otos.console.base.Times;
import io.otos.console.devices.DevicesView;
import io.otos.core.template.DeviceTemplate;
import io.otos.core.template.NewTemplate;
import io.otos.core.template.ReauthPolicy;
import io.otos.core.template.RegistrationMode;
import io.otos.core.template.TemplateService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Device templates: everyone signed in sees them; admins create them (the secret is shown once),
 * edit their name and policies, rotate their secret with a grace period and enable or disable them.
 */
@Route("templates")
@PageTitle("Templates · OTOS")
@PermitAll
public class TemplatesView extends VerticalLayout {

  static final Map<String, Duration> GRACE_PERIODS = new LinkedHashMap<>();

  static {
    GRACE_PERIODS.put("None: the old secret stops now", Duration.ZERO);
    GRACE_PERIODS.put("1 hour", Duration.ofHours(1));
    GRACE_PERIODS.put("1 day", Duration.ofDays(1));
    GRACE_PERIODS.put("7 days", Duration.ofDays(7));
    GRACE_PERIODS.put("30 days", Duration.ofDays(30));
    GRACE_PERIODS.put("90 days", TemplateService.MAX_GRACE);
  }

  private final TemplateService templates;
  private final ConsoleAudit audit;
  private final Grid<DeviceTemplate> grid = new Grid<>();

  @Inject
  public TemplatesView(TemplateService templates, ConsoleAudit audit) {
    this.templates = templates;
    this.audit = audit;
    grid.setId("templates");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(DeviceTemplate::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
    grid.addColumn(t -> t.isEnabled() ? "enabled" : "disabled").setHeader("State");
    grid.addColumn(TemplatesView::policies).setHeader("Policies").setAutoWidth(true);
    grid.addColumn(t -> Times.format(t.previousSecretExpiresAt()))
        .setHeader("Old secret until")
        .setAutoWidth(true);
    grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
    TextField search = new TextField();
    search.setId("template-search");
    search.setPlaceholder("Name contains");
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> show(e.getValue()));
    show("");
    HorizontalLayout toolbar = new HorizontalLayout(new H2("Device templates"), search);
    toolbar.setAlignItems(Alignment.BASELINE);
    if (CurrentUser.isAdmin()) {
      Button create = new Button("New template", VaadinIcon.PLUS.create(), e -> openCreate());
      create.setId("new-template");
      create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      toolbar.add(create);
    }
    add(toolbar, grid);
    setSizeFull();
  }

  /** The templates whose name contains {@code part}, newest first, loaded as they scroll by. */
  private void show(String part) {
    String named = part == null ? "" : part.strip();
    grid.setItems(q -> templates.named(named, Paging.of(q)).stream());
  }

  /** The template's policies in one line: registration, cap, re-auth, credentials. */
  static String policies(DeviceTemplate template) {
    return String.join(
        " · ",
        template.registrationMode() == RegistrationMode.AUTO ? "any device" : "allowlist only",
        template.maxDevices().isPresent()
            ? "at most " + template.maxDevices().getAsInt() + " devices"
            : "no cap",
        template.reauthPolicy() == ReauthPolicy.REISSUE ? "re-auth reissues" : "re-auth refused",
        template.plaintextAllowed() ? "plaintext or signed" : "signed only");
  }

  private HorizontalLayout actions(DeviceTemplate template) {
    HorizontalLayout actions = new HorizontalLayout();
    actions.add(link("Products", ProductsView.class, template));
    actions.add(link("Allowlist", AllowlistView.class, template));
    Button devices =
        new Button(
            "Devices",
            e ->
                getUI()
                    .ifPresent(
                        ui ->
                            ui.navigate(
                                DevicesView.class, DevicesView.forTemplate(template.id()))));
    devices.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
    actions.add(devices);
    if (CurrentUser.isAdmin()) {
      Button edit = new Button("Edit", e -> openEdit(template));
      edit.setId("edit-" + template.name());
      Button rotate = new Button("Rotate secret", e -> openRotate(template));
      rotate.setId("rotate-" + template.name());
      for (Button b : new Button[] {edit, rotate}) {
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        actions.add(b);
      }
    }
    return actions;
  }

  private Button link(String text, Class<? extends VerticalLayout> view, DeviceTemplate template) {
    Button button =
        new Button(
            text,
            e ->
                getUI()
                    .ifPresent(
                        ui ->
                            ui.navigate(
                                view,
                                new RouteParameters("templateId", template.id().toString()))));
    button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
    return button;
  }

  private void openCreate() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("New device template");
    TextField name = new TextField("Name");
    name.setId("new-template-name");
    name.setWidthFull();
    name.setMaxLength(DeviceTemplate.MAX_NAME_LENGTH);
    Button create =
        new Button(
            "Create",
            e ->
                Feedback.attempt(() -> create(name.getValue()), null)
                    .ifPresent(
                        created -> {
                          dialog.close();
                          grid.getDataProvider().refreshAll();
                          new SecretDialog(created.template().name(), created.secret().reveal())
                              .open();
                        }));
    create.setId("create-template");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.add(name);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
    dialog.setWidth("32rem");
    dialog.open();
    name.focus();
  }

  private NewTemplate create(String name) {
    return audit.change(
        "TEMPLATE_CREATED",
        () -> templates.create(name, Optional.empty()),
        created -> created.template().id(),
        created -> created.template().name());
  }

  private void openEdit(DeviceTemplate template) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Edit " + template.name());
    TemplateForm form = new TemplateForm();
    form.edit(TemplateDraft.of(template));
    form.addCloseListener(e -> dialog.close());
    form.addSaveListener(
        e ->
            Feedback.attempt(
                    () ->
                        audit.change(
                            "TEMPLATE_CHANGED",
                            () -> templates.change(template.id(), e.draft().changes()),
                            DeviceTemplate::id,
                            DeviceTemplate::name),
                    "Template saved")
                .ifPresent(
                    changed -> {
                      dialog.close();
                      grid.getDataProvider().refreshAll();
                    }));
    dialog.add(form);
    dialog.setWidth("40rem");
    dialog.open();
  }

  private void openRotate(DeviceTemplate template) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Rotate the secret of " + template.name());
    Select<String> grace = new Select<>();
    grace.setLabel("Devices may still use the old secret for");
    grace.setItems(GRACE_PERIODS.keySet());
    grace.setValue("7 days");
    grace.setWidthFull();
    Button rotate =
        new Button(
            "Rotate",
            e ->
                Feedback.attempt(
                        () ->
                            audit.change(
                                "SECRET_ROTATED",
                                () ->
                                    templates.rotateSecret(
                                        template.id(),
                                        Optional.empty(),
                                        GRACE_PERIODS.get(grace.getValue())),
                                rotated -> template.id(),
                                rotated -> template.name() + ", grace " + grace.getValue()),
                        null)
                    .ifPresent(
                        rotated -> {
                          dialog.close();
                          grid.getDataProvider().refreshAll();
                          new SecretDialog(rotated.template().name(), rotated.secret().reveal())
                              .open();
                        }));
    rotate.setId("rotate-secret");
    rotate.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    dialog.add(grace);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), rotate);
    dialog.setWidth("32rem");
    dialog.open();
  }
}
