package io.otos.console.base;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.otos.core.about.ServiceInfo;
import java.util.Locale;

/**
 * The frame around every console page: the service's name, who is signed in with which role, sign
 * out, and the navigation. Admins also see the accounts page.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

  public MainLayout() {
    H1 title = new H1(ServiceInfo.NAME + " console");
    title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
    HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title);
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    header.setWidthFull();
    header.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM);
    CurrentUser.get()
        .ifPresent(
            user -> {
              Span who =
                  new Span(user.username() + " · " + user.role().name().toLowerCase(Locale.ROOT));
              who.setId("signed-in-as");
              who.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Left.AUTO);
              Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> signOut());
              signOut.setId("sign-out");
              signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
              header.add(who, signOut);
            });
    addToNavbar(header);
    addToDrawer(navigation());
    setPrimarySection(Section.DRAWER);
  }

  private static SideNav navigation() {
    SideNav nav = new SideNav();
    nav.addItem(new SideNavItem("Dashboard", "", VaadinIcon.DASHBOARD.create()));
    nav.addItem(new SideNavItem("Templates", "templates", VaadinIcon.PACKAGE.create()));
    nav.addItem(new SideNavItem("Devices", "devices", VaadinIcon.CLUSTER.create()));
    nav.addItem(new SideNavItem("Vouchers", "vouchers", VaadinIcon.KEY.create()));
    nav.addItem(new SideNavItem("Audit trail", "audit", VaadinIcon.RECORDS.create()));
    if (CurrentUser.isAdmin()) {
      nav.addItem(new SideNavItem("Accounts", "accounts", VaadinIcon.USERS.create()));
    }
    return nav;
  }

  private static void signOut() {
    String contextPath = VaadinServletRequest.getCurrent().getContextPath();
    VaadinSession.getCurrent().getSession().invalidate();
    getCurrentUiPage().setLocation(contextPath + "/login");
  }

  private static com.vaadin.flow.component.page.Page getCurrentUiPage() {
    return com.vaadin.flow.component.UI.getCurrent().getPage();
  }
}
