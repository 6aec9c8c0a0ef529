package io.otos.console.overview;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.otos.core.about.ServiceInfo;
import io.otos.core.device.DeviceService;
import io.otos.core.template.TemplateService;
import jakarta.inject.Inject;

/**
 * The console's first page: what this service is, its version, and how many templates and devices
 * it has.
 */
@Route("")
@PageTitle("OTOS")
public class OverviewView extends VerticalLayout {

  @Inject
  public OverviewView(TemplateService templates, DeviceService devices) {
    var title = new H1(ServiceInfo.NAME);
    var subtitle =
        new Paragraph(
            "One Type One Secret device authentication · version " + ServiceInfo.version());
    subtitle.setId("service-version");
    var counts =
        new HorizontalLayout(
            new CountCard("templates-count", "Device templates", templates.count()),
            new CountCard("devices-count", "Devices", devices.count()));
    counts.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.STRETCH);
    add(title, subtitle, counts);
    setPadding(true);
  }
}
