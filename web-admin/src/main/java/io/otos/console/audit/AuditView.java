package io.otos.console.audit;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.otos.console.base.TemplateNames;
import io.otos.core.audit.AuditTrail;
import io.otos.core.template.TemplateService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

/** The audit trail: every auth attempt and every admin action, each filterable and exportable. */
@Route("audit")
@PageTitle("Audit trail · OTOS")
@PermitAll
public class AuditView extends VerticalLayout {

  @Inject
  public AuditView(AuditTrail audit, TemplateService templateService) {
    TemplateNames templates = new TemplateNames(templateService);
    TabSheet tabs = new TabSheet();
    tabs.setId("audit-tabs");
    tabs.add("Auth attempts", new AuthAttemptsTab(audit, templates));
    tabs.add("Admin actions", new AdminActionsTab(audit, templates));
    tabs.setSizeFull();
    add(new H2("Audit trail"), tabs);
    setSizeFull();
  }
}
