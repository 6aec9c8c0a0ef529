package io.otos.console.audit;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.otos.console.base.CsvExport;
import io.otos.console.base.Filters;
import io.otos.console.base.Paging;
import io.otos.console.base.TemplateNames;
import io.otos.console.base.TimeRange;
import io.otos.console.base.Times;
import io.otos.core.audit.AdminAction;
import io.otos.core.audit.AdminActionFilter;
import io.otos.core.audit.AuditTrail;
import io.otos.core.shared.Position;
import io.otos.core.template.DeviceTemplate;
import java.util.List;
import java.util.Optional;

/** Every admin action (console and API), newest first, filtered by time, user and template. */
class AdminActionsTab extends VerticalLayout {

  static final List<String> CSV_HEADER =
      List.of("occurred_at", "actor", "source_address", "action", "template", "subject");

  private final AuditTrail audit;
  private final TemplateNames templates;
  private final Grid<AdminAction> grid = new Grid<>();
  private final TextField actor;
  private final ComboBox<DeviceTemplate> template;
  private final TimeRange range = new TimeRange(this::refresh);

  AdminActionsTab(AuditTrail audit, TemplateNames templates) {
    this.audit = audit;
    this.templates = templates;
    actor = Filters.text("filter-actor", "User", this::refresh);
    template = templates.choice("filter-action-template", this::refresh);
    grid.setId("admin-actions");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(a -> Times.format(a.occurredAt())).setHeader("When (UTC)").setAutoWidth(true);
    grid.addColumn(AdminAction::actor).setHeader("Who");
    grid.addColumn(AdminAction::action).setHeader("What").setAutoWidth(true);
    grid.addColumn(a -> templates.name(a.templateId())).setHeader("Template");
    grid.addColumn(a -> a.subject().orElse("")).setHeader("Subject").setFlexGrow(2);
    grid.addColumn(a -> a.sourceAddress().orElse("")).setHeader("From");
    refresh();
    add(
        new Filters(range, actor, template),
        CsvExport.link(
            "export-admin-actions",
            "admin-actions.csv",
            CSV_HEADER,
            () -> {
              AdminActionFilter filter = filter();
              return (last, limit) ->
                  audit.actionsAfter(
                      filter, last.map(a -> new Position(a.occurredAt(), a.id())), limit);
            },
            this::csvRow),
        grid);
    setSizeFull();
    setPadding(false);
  }

  AdminActionFilter filter() {
    return new AdminActionFilter(
        Optional.ofNullable(actor.getValue()).map(String::strip).filter(a -> !a.isEmpty()),
        template.getOptionalValue().map(DeviceTemplate::id),
        range.from(),
        range.to());
  }

  List<String> csvRow(AdminAction a) {
    return List.of(
        a.occurredAt().toString(),
        a.actor(),
        a.sourceAddress().orElse(""),
        a.action(),
        templates.name(a.templateId()),
        a.subject().orElse(""));
  }

  private void refresh() {
    AdminActionFilter filter = filter();
    grid.setItems(q -> audit.actions(filter, Paging.of(q)).stream());
  }
}
