package io.otos.console.audit;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.otos.console.base.CsvExport;
import io.otos.console.base.Filters;
import io.otos.console.base.Paging;
import io.otos.console.base.TemplateNames;
import io.otos.console.base.TimeRange;
import io.otos.console.base.Times;
import io.otos.core.audit.AuditTrail;
import io.otos.core.audit.AuthAttempt;
import io.otos.core.audit.AuthAttemptFilter;
import io.otos.core.audit.AuthOutcome;
import io.otos.core.shared.DomainException;
import io.otos.core.shared.Position;
import io.otos.core.template.DeviceTemplate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every auth attempt, newest first, filtered by time, outcome, template and device; as CSV. */
class AuthAttemptsTab extends VerticalLayout {

  static final List<String> CSV_HEADER =
      List.of(
          "occurred_at",
          "outcome",
          "reason",
          "device_number",
          "template",
          "credential",
          "secret_used",
          "source_address",
          "detail");

  private final AuditTrail audit;
  private final TemplateNames templates;
  private final Grid<AuthAttempt> grid = new Grid<>();
  private final Select<AuthOutcome> outcome = new Select<>();
  private final ComboBox<DeviceTemplate> template;
  private final TextField number;
  private final TimeRange range = new TimeRange(this::refresh);

  AuthAttemptsTab(AuditTrail audit, TemplateNames templates) {
    this.audit = audit;
    this.templates = templates;
    outcome.setLabel("Outcome");
    outcome.setId("filter-outcome");
    outcome.setItems(AuthOutcome.values());
    outcome.setEmptySelectionAllowed(true);
    outcome.setEmptySelectionCaption("any");
    outcome.addValueChangeListener(e -> refresh());
    template = templates.choice("filter-attempt-template", this::refresh);
    number = Filters.text("filter-device", "Device number", this::refresh);
    grid.setId("auth-attempts");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(a -> Times.format(a.occurredAt())).setHeader("When (UTC)").setAutoWidth(true);
    grid.addColumn(a -> a.outcome().name().toLowerCase(Locale.ROOT)).setHeader("Outcome");
    grid.addColumn(AuthAttempt::reason).setHeader("Reason").setAutoWidth(true);
    grid.addColumn(a -> a.deviceNumber().orElse("")).setHeader("Device");
    grid.addColumn(a -> templates.name(a.templateId())).setHeader("Template");
    grid.addColumn(a -> a.credential().orElse("")).setHeader("Credential");
    grid.addColumn(a -> a.sourceAddress().orElse("")).setHeader("From");
    refresh();
    add(
        new Filters(range, outcome, template, number),
        CsvExport.link(
            "export-attempts",
            "auth-attempts.csv",
            CSV_HEADER,
            () -> {
              AuthAttemptFilter filter = filter();
              return (last, limit) ->
                  audit.attemptsAfter(
                      filter, last.map(a -> new Position(a.occurredAt(), a.id())), limit);
            },
            this::csvRow),
        grid);
    setSizeFull();
    setPadding(false);
  }

  AuthAttemptFilter filter() {
    return new AuthAttemptFilter(
        Optional.ofNullable(number.getValue()).map(String::strip).filter(n -> !n.isEmpty()),
        outcome.getOptionalValue(),
        template.getOptionalValue().map(DeviceTemplate::id),
        range.from(),
        range.to());
  }

  List<String> csvRow(AuthAttempt a) {
    return List.of(
        a.occurredAt().toString(),
        a.outcome().name(),
        a.reason(),
        a.deviceNumber().orElse(""),
        templates.name(a.templateId()),
        a.credential().orElse(""),
        a.secretUsed().orElse(""),
        a.sourceAddress().orElse(""),
        a.detail().orElse(""));
  }

  private void refresh() {
    AuthAttemptFilter filter;
    try {
      filter = filter();
      number.setInvalid(false);
    } catch (DomainException invalid) {
      number.setErrorMessage(invalid.getMessage());
      number.setInvalid(true);
      return;
    }
    grid.setItems(q -> audit.attempts(filter, Paging.of(q)).stream());
  }
}
