package io.otos.console.devices;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.otos.console.base.Ids;
import io.otos.console.base.Paging;
import io.otos.console.base.TemplateNames;
import io.otos.console.base.Times;
import io.otos.core.device.Device;
import io.otos.core.device.DeviceFilter;
import io.otos.core.device.DeviceService;
import io.otos.core.device.DeviceStatus;
import io.otos.core.product.Product;
import io.otos.core.product.ProductService;
import io.otos.core.shared.PageRequest;
import io.otos.core.template.DeviceTemplate;
import io.otos.core.template.TemplateService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every device, in a lazy grid that reads only the rows on screen and never counts the whole table,
 * so that it stays fast with millions; filtered by template, product, status and number prefix.
 */
@Route("devices")
@PageTitle("Devices · OTOS")
@PermitAll
public class DevicesView extends VerticalLayout implements BeforeEnterObserver {

  private final DeviceService devices;
  private final ProductService products;
  private final TemplateNames templates;
  private final Grid<Device> grid = new Grid<>();
  private final ComboBox<DeviceTemplate> template = new ComboBox<>("Template");
  private final ComboBox<Product> product = new ComboBox<>("Product");
  private final Select<DeviceStatus> status = new Select<>();
  private final TextField number = new TextField("Number starts with");

  @Inject
  public DevicesView(DeviceService devices, ProductService products, TemplateService templates) {
    this.devices = devices;
    this.products = products;
    this.templates = new TemplateNames(templates);
    template.setId("filter-template");
    template.setItems(this.templates.all());
    template.setItemLabelGenerator(DeviceTemplate::name);
    template.setClearButtonVisible(true);
    template.addValueChangeListener(e -> templateChosen());
    product.setId("filter-product");
    product.setItemLabelGenerator(p -> p.name() + " (" + p.key().value() + ")");
    product.setClearButtonVisible(true);
    product.setEnabled(false);
    product.addValueChangeListener(e -> refresh());
    status.setId("filter-status");
    status.setLabel("Status");
    status.setItems(DeviceStatus.values());
    status.setEmptySelectionAllowed(true);
    status.setEmptySelectionCaption("any");
    status.addValueChangeListener(e -> refresh());
    number.setId("filter-number");
    number.setValueChangeMode(ValueChangeMode.LAZY);
    number.setClearButtonVisible(true);
    number.addValueChangeListener(e -> refresh());
    grid.setId("devices");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setPageSize(100);
    grid.addColumn(d -> d.number().value()).setHeader("Device number").setAutoWidth(true);
    grid.addColumn(d -> d.name().orElse("")).setHeader("Name");
    grid.addColumn(d -> this.templates.name(d.templateId())).setHeader("Template");
    grid.addColumn(d -> d.status().name().toLowerCase(Locale.ROOT)).setHeader("Status");
    grid.addColumn(d -> Times.format(d.lastAuthAt()))
        .setHeader("Last auth (UTC)")
        .setAutoWidth(true);
    grid.addColumn(d -> Times.format(d.createdAt())).setHeader("Created (UTC)").setAutoWidth(true);
    grid.addItemClickListener(e -> DeviceView.open(e.getItem()));
    refresh();
    HorizontalLayout filters = new HorizontalLayout(template, product, status, number);
    filters.setAlignItems(Alignment.BASELINE);
    add(new H2("Devices"), filters, grid);
    setSizeFull();
  }

  /** Opens the devices of one template. */
  public static QueryParameters forTemplate(UUID templateId) {
    return QueryParameters.simple(Map.of("template", templateId.toString()));
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    List<String> chosen =
        event
            .getLocation()
            .getQueryParameters()
            .getParameters()
            .getOrDefault("template", List.of());
    chosen.stream()
        .findFirst()
        .flatMap(Ids::parse)
        .flatMap(templates::find)
        .ifPresent(template::setValue);
  }

  private void templateChosen() {
    product.clear();
    Optional<DeviceTemplate> chosen = template.getOptionalValue();
    product.setEnabled(chosen.isPresent());
    product.setItems(
        chosen
            .map(t -> products.listByTemplate(t.id(), new PageRequest(0, PageRequest.MAX_LIMIT)))
            .map(p -> p.items())
            .orElse(List.of()));
    refresh();
  }

  DeviceFilter filter() {
    return new DeviceFilter(
        template.getOptionalValue().map(DeviceTemplate::id),
        Optional.ofNullable(number.getValue()).map(String::strip).filter(n -> !n.isEmpty()),
        product.getOptionalValue().map(Product::id),
        status.getOptionalValue());
  }

  private void refresh() {
    DeviceFilter filter;
    try {
      filter = filter();
      number.setInvalid(false);
    } catch (io.otos.core.shared.DomainException invalid) {
      number.setErrorMessage(invalid.getMessage());
      number.setInvalid(true);
      return;
    }
    grid.setItems(q -> devices.slice(filter, Paging.of(q)).stream());
  }
}
