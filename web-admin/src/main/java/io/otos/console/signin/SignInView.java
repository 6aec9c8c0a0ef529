package io.otos.console.signin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.otos.console.base.ConsoleUser;
import io.otos.console.base.CurrentUser;
import io.otos.core.account.AccountService;
import io.otos.core.account.SignIn;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in to the console with a console account. A wrong name or password, or a disabled account,
 * gets one message; repeated failures are slowed down by {@link AccountService}. On success the
 * session gets a new id (no fixation) and the idle timeout from {@code
 * OTOS_CONSOLE_SESSION_MINUTES}.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · OTOS")
@AnonymousAllowed
public class SignInView extends VerticalLayout implements BeforeEnterObserver {

  private final AccountService accounts;
  private final int sessionMinutes;
  private final LoginForm form = new LoginForm();

  @Inject
  public SignInView(
      AccountService accounts,
      @ConfigProperty(name = "otos.console.session.minutes", defaultValue = "30")
          int sessionMinutes) {
    this.accounts = accounts;
    this.sessionMinutes = sessionMinutes;
    form.setForgotPasswordButtonVisible(false);
    form.setI18n(texts(null));
    form.addLoginListener(e -> signIn(e.getUsername(), e.getPassword()));
    setSizeFull();
    setAlignItems(FlexComponent.Alignment.CENTER);
    setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
    add(form);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (CurrentUser.get().isPresent()) {
      event.forwardTo("");
    }
  }

  private void signIn(String username, String password) {
    SignIn result = accounts.signIn(username, password, CurrentUser.address());
    if (result instanceof SignIn.Accepted accepted) {
      VaadinRequest request = VaadinRequest.getCurrent();
      VaadinService.reinitializeSession(request);
      var session = VaadinSession.getCurrent().getSession();
      session.setMaxInactiveInterval((int) Duration.ofMinutes(sessionMinutes).toSeconds());
      ConsoleUser.of(accepted.account(), Instant.now()).storeIn(session);
      String contextPath = ((VaadinServletRequest) request).getContextPath();
      UI.getCurrent().getPage().setLocation(contextPath + "/");
      return;
    }
    String message =
        result instanceof SignIn.Throttled throttled
            ? "Too many failed sign-ins. Try again in "
                + Math.max(1, throttled.retryAfter().toSeconds() + 1)
                + " seconds."
            : "Check the username and password, and try again.";
    form.setI18n(texts(message));
    form.setError(true);
    form.setEnabled(true);
  }

  private static LoginI18n texts(String error) {
    LoginI18n texts = LoginI18n.createDefault();
    texts.getForm().setTitle("OTOS console");
    texts.getForm().setSubmit("Sign in");
    texts.getErrorMessage().setTitle("Not signed in");
    texts.getErrorMessage().setMessage(error == null ? "" : error);
    return texts;
  }
}
