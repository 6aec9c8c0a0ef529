package io.otos.console.base;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import io.otos.console.signin.SignInView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Lets nobody reach a console view that their role does not allow: views say {@code @PermitAll}
 * (any signed-in account), {@code @RolesAllowed("ADMIN")} or {@code @AnonymousAllowed} (the sign-in
 * page); a person not signed in is sent to the sign-in page.
 */
@ApplicationScoped
public class AccessControl {

  void install(@Observes ServiceInitEvent event) {
    NavigationAccessControl control = new NavigationAccessControl();
    control.setLoginView(SignInView.class);
    event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(control));
  }
}
