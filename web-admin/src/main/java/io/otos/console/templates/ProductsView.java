package io.otos.console.templates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.otos.console.base.ConsoleAudit;
import io.otos.console.base.CurrentUser;
import io.otos.console.base.Feedback;
import io.otos.console.base.Paging;
import io.otos.console.base.Times;
import io.otos.core.product.Product;
import io.otos.core.product.ProductService;
import io.otos.core.shared.PageRequest;
import io.otos.core.template.DeviceTemplate;
import io.otos.core.template.TemplateService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.Optional;

/** The product keys of one template; admins create them, and delete those no device uses. */
@Route("templates/:templateId/products")
@PageTitle("Product keys · OTOS")
@PermitAll
public class ProductsView extends TemplatePage {

  private final ProductService products;
  private final ConsoleAudit audit;

  @Inject
  public ProductsView(TemplateService templates, ProductService products, ConsoleAudit audit) {
    super(templates, "Product keys");
    this.products = products;
    this.audit = audit;
  }

  @Override
  void show(DeviceTemplate template) {
    Grid<Product> grid = new Grid<>();
    grid.setId("products");
    grid.addColumn(Product::name).setHeader("Name");
    grid.addColumn(p -> p.key().value()).setHeader("Product key");
    grid.addColumn(p -> Times.format(p.createdAt())).setHeader("Created (UTC)").setAutoWidth(true);
    grid.setItems(
        q -> products.listByTemplate(template.id(), Paging.of(q)).items().stream(),
        q -> (int) products.listByTemplate(template.id(), new PageRequest(0, 1)).total());
    if (CurrentUser.isAdmin()) {
      grid.addComponentColumn(p -> deleteButton(p, grid)).setFlexGrow(0).setAutoWidth(true);
      TextField name = new TextField("New product");
      name.setId("product-name");
      name.setPlaceholder("e.g. Thermometer v2");
      TextField key = new TextField("Product key (empty: generated)");
      key.setId("product-key");
      Button create =
          new Button(
              "Create",
              e ->
                  Feedback.attempt(
                          () ->
                              audit.change(
                                  "PRODUCT_CREATED",
                                  () ->
                                      products.create(
                                          template.id(),
                                          name.getValue(),
                                          Optional.of(key.getValue().strip())
                                              .filter(k -> !k.isEmpty())),
                                  Product::templateId,
                                  p -> p.name() + " (" + p.key().value() + ")"),
                          "Product created")
                      .ifPresent(
                          created -> {
                            name.clear();
                            key.clear();
                            grid.getDataProvider().refreshAll();
                          }));
      create.setId("create-product");
      create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      HorizontalLayout form = new HorizontalLayout(name, key, create);
      form.setAlignItems(Alignment.BASELINE);
      add(form);
    }
    add(grid);
  }

  private Button deleteButton(Product product, Grid<Product> grid) {
    Button delete = new Button("Delete");
    delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
    delete.addClickListener(
        e -> {
          ConfirmDialog confirm =
              new ConfirmDialog(
                  "Delete " + product.name() + "?",
                  "Devices can then no longer name the key " + product.key().value() + ".",
                  "Delete",
                  ok ->
                      Feedback.attempt(
                              () ->
                                  audit.change(
                                      "PRODUCT_DELETED",
                                      () -> products.delete(product.id()),
                                      Product::templateId,
                                      p -> p.name() + " (" + p.key().value() + ")"),
                              "Product deleted")
                          .ifPresent(d -> grid.getDataProvider().refreshAll()));
          confirm.setCancelable(true);
          confirm.setConfirmButtonTheme("error primary");
          confirm.open();
        });
    return delete;
  }
}
