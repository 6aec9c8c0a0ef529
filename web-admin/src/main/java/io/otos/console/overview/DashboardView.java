package io.otos.console.overview;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.otos.core.about.ServiceInfo;
import io.otos.core.audit.AttemptsToday;
import io.otos.core.audit.AuditTrail;
import io.otos.core.device.DeviceService;
import io.otos.core.shared.Clocks;
import io.otos.core.template.TemplateService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The console's first page: how many templates and devices there are, what happened today, and a
 * chart of successful and failed auth attempts over the last 24 hours or 7 days.
 */
@Route("")
@PageTitle("Dashboard · OTOS")
@PermitAll
public class DashboardView extends VerticalLayout {

  static final String LAST_DAY = "Last 24 hours";
  static final String LAST_WEEK = "Last 7 days";

  private final AuditTrail audit;
  private final Div chart = new Div();

  @Inject
  public DashboardView(TemplateService templates, DeviceService devices, AuditTrail audit) {
    this.audit = audit;
    AttemptsToday today = audit.today();
    var subtitle =
        new Paragraph(
            "One Type One Secret device authentication · version " + ServiceInfo.version());
    subtitle.setId("service-version");
    subtitle.addClassNames(LumoUtility.TextColor.SECONDARY);
    FlexLayout counts =
        new FlexLayout(
            new CountCard("templates-count", "Device templates", templates.count()),
            new CountCard("devices-count", "Devices", devices.count()),
            new CountCard("provisioned-today", "Provisioned today (UTC)", today.provisioned()),
            new CountCard("failures-today", "Failed attempts today (UTC)", today.failed()));
    counts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    counts.addClassNames(LumoUtility.Gap.MEDIUM);
    RadioButtonGroup<String> range = new RadioButtonGroup<>();
    range.setItems(LAST_DAY, LAST_WEEK);
    range.setValue(LAST_DAY);
    range.setId("chart-range");
    range.addValueChangeListener(e -> draw(e.getValue()));
    chart.setId("activity-chart");
    chart.setWidthFull();
    chart.setMaxWidth("960px");
    draw(LAST_DAY);
    add(new H2("Dashboard"), subtitle, counts, new H2("Auth attempts"), range, chart);
    setDefaultHorizontalComponentAlignment(FlexComponent.Alignment.STRETCH);
  }

  private void draw(String range) {
    boolean week = LAST_WEEK.equals(range);
    Duration period = week ? Duration.ofHours(6) : Duration.ofHours(1);
    int periods = week ? 28 : 24;
    OffsetDateTime now = Clocks.now();
    OffsetDateTime from = now.truncatedTo(ChronoUnit.HOURS);
    if (week) {
      from = from.withHour(from.getHour() / 6 * 6);
    }
    from = from.minus(period.multipliedBy(periods - 1L));
    ActivityChart drawing = new ActivityChart(from, period, periods);
    chart.removeAll();
    chart.add(new Html("<div>" + drawing.svg(audit.activity(from, period)) + "</div>"));
  }
}
