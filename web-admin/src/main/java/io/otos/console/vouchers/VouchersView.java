package io.otos.console.vouchers;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.otos.console.base.CsvExport;
import io.otos.console.base.Filters;
import io.otos.console.base.Paging;
import io.otos.console.base.TemplateNames;
import io.otos.console.base.TimeRange;
import io.otos.console.base.Times;
import io.otos.core.shared.Position;
import io.otos.core.template.DeviceTemplate;
import io.otos.core.template.TemplateService;
import io.otos.core.voucher.VoucherFilter;
import io.otos.core.voucher.VoucherListing;
import io.otos.core.voucher.VoucherService;
import io.otos.core.voucher.VoucherState;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Every voucher ever issued, for auditors: device, template, when issued, when and why revoked;
 * never a password. Filtered by state, template, device and issue time; exported as CSV.
 */
@Route("vouchers")
@PageTitle("Vouchers · OTOS")
@PermitAll
public class VouchersView extends VerticalLayout {

  static final List<String> CSV_HEADER =
      List.of(
          "voucher_id",
          "mqtt_username",
          "device_number",
          "device_id",
          "template",
          "issued_at",
          "revoked_at",
          "revocation_reason");

  private final VoucherService vouchers;
  private final TemplateNames templates;
  private final Grid<VoucherListing> grid = new Grid<>();
  private final Select<VoucherState> state = new Select<>();
  private final ComboBox<DeviceTemplate> template;
  private final TextField number;
  private final TimeRange issued = new TimeRange(this::refresh);

  @Inject
  public VouchersView(VoucherService vouchers, TemplateService templates) {
    this.vouchers = vouchers;
    this.templates = new TemplateNames(templates);
    state.setLabel("State");
    state.setId("filter-state");
    state.setItems(VoucherState.values());
    state.setEmptySelectionAllowed(true);
    state.setEmptySelectionCaption("any");
    state.addValueChangeListener(e -> refresh());
    template = this.templates.choice("filter-template", this::refresh);
    number = Filters.text("filter-number", "Device number", this::refresh);
    grid.setId("vouchers");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(VoucherListing::deviceNumber).setHeader("Device").setAutoWidth(true);
    grid.addColumn(v -> this.templates.name(v.templateId())).setHeader("Template");
    grid.addColumn(v -> v.username().toString()).setHeader("MQTT username").setAutoWidth(true);
    grid.addColumn(v -> Times.format(v.issuedAt())).setHeader("Issued (UTC)").setAutoWidth(true);
    grid.addColumn(v -> Times.format(v.revokedAt())).setHeader("Revoked (UTC)").setAutoWidth(true);
    grid.addColumn(v -> v.revocationReason().map(Enum::name).orElse("")).setHeader("By what");
    refresh();
    Filters filters = new Filters(state, template, number, issued);
    add(
        new H2("Vouchers"),
        filters,
        CsvExport.link(
            "export-vouchers",
            "vouchers.csv",
            CSV_HEADER,
            () -> {
              VoucherFilter filter = filter();
              return (last, limit) ->
                  vouchers.listAfter(
                      filter, last.map(v -> new Position(v.issuedAt(), v.id())), limit);
            },
            this::csvRow),
        grid);
    setSizeFull();
  }

  VoucherFilter filter() {
    return new VoucherFilter(
        state.getOptionalValue(),
        template.getOptionalValue().map(DeviceTemplate::id),
        Optional.ofNullable(number.getValue()).map(String::strip).filter(n -> !n.isEmpty()),
        issued.from(),
        issued.to());
  }

  List<String> csvRow(VoucherListing v) {
    return List.of(
        v.id().toString(),
        v.username().toString(),
        v.deviceNumber(),
        v.deviceId().toString(),
        templates.name(v.templateId()),
        v.issuedAt().toString(),
        v.revokedAt().map(Object::toString).orElse(""),
        v.revocationReason().map(Enum::name).orElse(""));
  }

  private void refresh() {
    VoucherFilter filter = filter();
    grid.setItems(q -> vouchers.list(filter, Paging.of(q)).stream());
  }
}
