package io.otos.console.accounts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.otos.console.base.CurrentUser;
import io.otos.console.base.Feedback;
import io.otos.console.base.Times;
import io.otos.core.account.Account;
import io.otos.core.account.AccountService;
import io.otos.core.account.PasswordHash;
import io.otos.core.account.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Console accounts, for admins only: create admins and auditors, reset a password, disable or
 * enable an account. Passwords are typed by the admin and never shown again.
 */
@Route("accounts")
@PageTitle("Accounts · OTOS")
@RolesAllowed("ADMIN")
public class AccountsView extends VerticalLayout {

  private final AccountService accounts;
  private final Grid<Account> grid = new Grid<>();

  @Inject
  public AccountsView(AccountService accounts) {
    this.accounts = accounts;
    grid.setId("accounts");
    grid.addColumn(Account::username).setHeader("Username").setAutoWidth(true);
    grid.addColumn(a -> a.role().name().toLowerCase(Locale.ROOT)).setHeader("Role");
    grid.addColumn(a -> a.enabled() ? "enabled" : "disabled").setHeader("State");
    grid.addColumn(a -> Times.format(a.createdAt())).setHeader("Created (UTC)").setAutoWidth(true);
    grid.addColumn(a -> Times.format(a.lastSignInAt()))
        .setHeader("Last sign-in (UTC)")
        .setAutoWidth(true);
    grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
    refresh();
    Button create = new Button("New account", VaadinIcon.PLUS.create(), e -> openCreate());
    create.setId("new-account");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout toolbar = new HorizontalLayout(new H2("Accounts"), create);
    toolbar.setAlignItems(Alignment.BASELINE);
    add(toolbar, grid);
    setSizeFull();
  }

  private HorizontalLayout actions(Account account) {
    Button reset = new Button("Reset password", e -> openReset(account));
    boolean enable = !account.enabled();
    Button toggle =
        new Button(
            enable ? "Enable" : "Disable",
            e ->
                Feedback.attempt(
                        () -> accounts.setEnabled(account.id(), enable, CurrentUser.adminActor()),
                        account.username() + (enable ? " enabled" : " disabled"))
                    .ifPresent(a -> refresh()));
    for (Button b : new Button[] {reset, toggle}) {
      b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
    }
    return new HorizontalLayout(reset, toggle);
  }

  private void openCreate() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("New account");
    TextField username = new TextField("Username");
    username.setId("account-username");
    Select<Role> role = new Select<>();
    role.setId("account-role");
    role.setLabel("Role");
    role.setItems(Role.values());
    role.setValue(Role.AUDITOR);
    role.setItemLabelGenerator(
        r -> r == Role.ADMIN ? "Admin: manages everything" : "Auditor: reads everything");
    PasswordField password = password("account-password");
    Button create =
        new Button(
            "Create",
            e ->
                Feedback.attempt(
                        () ->
                            accounts.create(
                                username.getValue(),
                                password.getValue(),
                                role.getValue(),
                                CurrentUser.adminActor()),
                        "Account created")
                    .ifPresent(
                        a -> {
                          dialog.close();
                          refresh();
                        }));
    create.setId("create-account");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    VerticalLayout fields = new VerticalLayout(username, role, password);
    fields.setPadding(false);
    dialog.add(fields);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
    dialog.open();
  }

  private void openReset(Account account) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("New password for " + account.username());
    PasswordField password = password("new-password");
    Button save =
        new Button(
            "Set password",
            e ->
                Feedback.attempt(
                        () ->
                            accounts.resetPassword(
                                account.id(), password.getValue(), CurrentUser.adminActor()),
                        "Password set")
                    .ifPresent(a -> dialog.close()));
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.add(password);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
  }

  private static PasswordField password(String id) {
    PasswordField password = new PasswordField("Password");
    password.setId(id);
    password.setHelperText("At least " + PasswordHash.MIN_LENGTH + " characters");
    password.setMinLength(PasswordHash.MIN_LENGTH);
    password.setMaxLength(PasswordHash.MAX_LENGTH);
    password.setWidthFull();
    return password;
  }

  private void refresh() {
    grid.setItems(accounts.list());
  }
}
