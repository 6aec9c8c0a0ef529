package io.otos.console.templates;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.otos.console.base.Ids;
import io.otos.core.template.DeviceTemplate;
import io.otos.core.template.TemplateService;
import java.util.Optional;

/**
 * A page about one template, named by the {@code templateId} in its route: unknown or malformed ids
 * go back to the list of templates.
 */
abstract class TemplatePage extends VerticalLayout implements BeforeEnterObserver {

  private final TemplateService templates;
  private final String what;

  TemplatePage(TemplateService templates, String what) {
    this.templates = templates;
    this.what = what;
    setSizeFull();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Optional<DeviceTemplate> template =
        event.getRouteParameters().get("templateId").flatMap(Ids::parse).flatMap(templates::find);
    if (template.isEmpty()) {
      event.forwardTo(TemplatesView.class);
      return;
    }
    removeAll();
    Paragraph back = new Paragraph(new RouterLink("← All templates", TemplatesView.class));
    back.addClassNames(LumoUtility.Margin.NONE);
    add(back, new H2(what + " of " + template.get().name()));
    show(template.get());
  }

  /** Fills the page for this template. */
  abstract void show(DeviceTemplate template);
}
