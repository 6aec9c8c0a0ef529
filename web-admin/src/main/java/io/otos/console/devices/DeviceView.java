package io.otos.console.devices;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.otos.console.base.ConsoleAudit;
import io.otos.console.base.CurrentUser;
import io.otos.console.base.Feedback;
import io.otos.console.base.Ids;
import io.otos.console.base.Paging;
import io.otos.console.base.TemplateNames;
import io.otos.console.base.Times;
import io.otos.core.audit.AuditTrail;
import io.otos.core.audit.AuthAttempt;
import io.otos.core.audit.AuthAttemptFilter;
import io.otos.core.device.Device;
import io.otos.core.device.DeviceService;
import io.otos.core.device.DeviceStatus;
import io.otos.core.shared.PageRequest;
import io.otos.core.template.TemplateService;
import io.otos.core.voucher.Voucher;
import io.otos.core.voucher.VoucherService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One device: its data, parent and sub-devices, voucher history and auth attempts. Admins block,
 * unblock and reset it, and revoke its voucher.
 */
@Route("devices/:deviceId")
@PageTitle("Device · OTOS")
@PermitAll
public class DeviceView extends VerticalLayout implements BeforeEnterObserver {

  static final int SUB_DEVICES_SHOWN = 200;

  private final DeviceService devices;
  private final VoucherService vouchers;
  private final AuditTrail audit;
  private final ConsoleAudit consoleAudit;
  private final TemplateService templateService;

  @Inject
  public DeviceView(
      DeviceService devices,
      VoucherService vouchers,
      AuditTrail audit,
      ConsoleAudit consoleAudit,
      TemplateService templates) {
    this.devices = devices;
    this.vouchers = vouchers;
    this.audit = audit;
    this.consoleAudit = consoleAudit;
    this.templateService = templates;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Optional<Device> device =
        event
            .getRouteParameters()
            .get("deviceId")
            .flatMap(Ids::parse)
            .flatMap(id -> Feedback.attempt(() -> devices.get(id), null));
    if (device.isEmpty()) {
      event.forwardTo(DevicesView.class);
      return;
    }
    show(device.get());
  }

  private void show(Device device) {
    removeAll();
    TemplateNames templates = new TemplateNames(templateService);
    add(new Paragraph(new RouterLink("← All devices", DevicesView.class)));
    add(new H2("Device " + device.number().value()));
    FormLayout data = new FormLayout();
    data.addFormItem(
        value("device-status", device.status().name().toLowerCase(Locale.ROOT)), "Status");
    data.addFormItem(value(null, device.name().orElse("")), "Name");
    data.addFormItem(value(null, templates.name(device.templateId())), "Template");
    data.addFormItem(value(null, device.id().toString()), "Id");
    data.addFormItem(value(null, Times.format(device.createdAt())), "Created (UTC)");
    data.addFormItem(value(null, Times.format(device.lastAuthAt())), "Last auth (UTC)");
    data.addFormItem(value(null, device.isPreRegistered() ? "yes" : "no"), "Allowlisted");
    device
        .parentDeviceId()
        .ifPresent(
            parent ->
                data.addFormItem(
                    new RouterLink(
                        "parent (address " + device.subDeviceAddr().orElse("") + ")",
                        DeviceView.class,
                        new RouteParameters("deviceId", parent.toString())),
                    "Gateway"));
    add(data);
    if (CurrentUser.isAdmin()) {
      add(actions(device));
    }
    add(new H3("Sub-devices"), subDevices(device));
    add(new H3("Vouchers"), voucherHistory(device));
    add(new H3("Auth attempts"), attempts(device));
  }

  private HorizontalLayout actions(Device device) {
    HorizontalLayout actions = new HorizontalLayout();
    if (device.status() == DeviceStatus.BLOCKED) {
      actions.add(
          action("unblock", "Unblock", "unblocked", "DEVICE_UNBLOCKED", device, devices::unblock));
    } else {
      actions.add(action("block", "Block", "blocked", "DEVICE_BLOCKED", device, devices::block));
    }
    actions.add(action("reset", "Reset", "reset", "DEVICE_RESET", device, devices::reset));
    return actions;
  }

  private Button action(
      String id,
      String label,
      String done,
      String audited,
      Device device,
      Function<UUID, Device> change) {
    Button button = new Button(label);
    button.setId(id + "-device");
    button.addThemeVariants(ButtonVariant.LUMO_ERROR);
    button.addClickListener(
        e -> {
          ConfirmDialog confirm =
              new ConfirmDialog(
                  label + " " + device.number().value() + "?",
                  explanation(id),
                  label,
                  ok ->
                      Feedback.attempt(
                              () ->
                                  consoleAudit.change(
                                      audited,
                                      () -> change.apply(device.id()),
                                      Device::templateId,
                                      d -> d.number().value()),
                              "Device " + device.number().value() + " " + done)
                          .ifPresent(this::show));
          confirm.setCancelable(true);
          confirm.setConfirmButtonTheme("error primary");
          confirm.open();
        });
    return button;
  }

  /** Opens the page of {@code device}. */
  static void open(Device device) {
    UI.getCurrent()
        .navigate(DeviceView.class, new RouteParameters("deviceId", device.id().toString()));
  }

  static String explanation(String action) {
    return switch (action) {
      case "block" -> "Its voucher is revoked, and it cannot provision again until unblocked.";
      case "unblock" -> "It may provision again with the template secret.";
      default -> "Its voucher is revoked and it may provision once more, even under REJECT.";
    };
  }

  private Grid<Device> subDevices(Device device) {
    Grid<Device> grid = new Grid<>();
    grid.setId("sub-devices");
    grid.addColumn(d -> d.subDeviceAddr().orElse("")).setHeader("Address");
    grid.addColumn(d -> d.number().value()).setHeader("Device number");
    grid.addColumn(d -> d.status().name().toLowerCase(Locale.ROOT)).setHeader("Status");
    grid.setItems(devices.subDevices(device.id(), SUB_DEVICES_SHOWN));
    grid.setAllRowsVisible(true);
    grid.addItemClickListener(e -> open(e.getItem()));
    return grid;
  }

  private Grid<Voucher> voucherHistory(Device device) {
    Grid<Voucher> grid = new Grid<>();
    grid.setId("voucher-history");
    grid.addColumn(v -> v.username().toString()).setHeader("MQTT username").setAutoWidth(true);
    grid.addColumn(v -> Times.format(v.issuedAt())).setHeader("Issued (UTC)").setAutoWidth(true);
    grid.addColumn(v -> Times.format(v.revokedAt())).setHeader("Revoked (UTC)").setAutoWidth(true);
    grid.addColumn(v -> v.revocationReason().map(Enum::name).orElse("")).setHeader("Why");
    if (CurrentUser.isAdmin()) {
      grid.addComponentColumn(v -> v.isActive() ? revokeButton(device, v) : new Span())
          .setFlexGrow(0)
          .setAutoWidth(true);
    }
    grid.setItems(
        q -> devices.vouchers(device.id(), Paging.of(q)).items().stream(),
        q -> (int) devices.vouchers(device.id(), new PageRequest(0, 1)).total());
    grid.setHeight("14rem");
    return grid;
  }

  private Button revokeButton(Device device, Voucher voucher) {
    Button revoke = new Button("Revoke");
    revoke.setId("revoke-voucher");
    revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
    revoke.addClickListener(
        e ->
            Feedback.attempt(
                    () ->
                        consoleAudit.change(
                            "VOUCHER_REVOKED",
                            () -> vouchers.revoke(voucher.id()),
                            v -> device.templateId(),
                            v -> device.number().value()),
                    "Voucher revoked")
                .ifPresent(v -> show(devices.get(device.id()))));
    return revoke;
  }

  private Grid<AuthAttempt> attempts(Device device) {
    Grid<AuthAttempt> grid = new Grid<>();
    grid.setId("device-attempts");
    grid.addColumn(a -> Times.format(a.occurredAt())).setHeader("When (UTC)").setAutoWidth(true);
    grid.addColumn(a -> a.outcome().name().toLowerCase(Locale.ROOT)).setHeader("Outcome");
    grid.addColumn(AuthAttempt::reason).setHeader("Reason");
    grid.addColumn(a -> a.credential().orElse("")).setHeader("Credential");
    grid.addColumn(a -> a.sourceAddress().orElse("")).setHeader("From");
    AuthAttemptFilter filter =
        new AuthAttemptFilter(Optional.of(device.number().value()), Optional.empty());
    grid.setItems(q -> audit.attempts(filter, Paging.of(q)).stream());
    grid.setHeight("16rem");
    return grid;
  }

  private static Span value(String id, String text) {
    Span span = new Span(text);
    if (id != null) {
      span.setId(id);
    }
    return span;
  }
}
