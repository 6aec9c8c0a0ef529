package io.otos.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.otos.server.it.ApiClient.Answer;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The console in a real browser (Debian's headless chromium) against the real server: what an admin
 * does from sign-in to blocking a device, what an auditor can and cannot do, and how sign-in
 * refuses. The screenshots in docs/console.md come from these tests.
 */
@OtosIT
@RunAsClient
class ConsoleIT {

  /** Write controls: none of them may be shown to an auditor. */
  static final List<String> WRITE_BUTTONS =
      List.of(
          "New template",
          "Edit",
          "Rotate secret",
          "Create",
          "Delete",
          "Add",
          "Block",
          "Unblock",
          "Reset",
          "Revoke",
          "New account",
          "Reset password",
          "Disable",
          "Enable");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.otosWar();
  }

  @ArquillianResource URL base;

  private ApiClient api;
  private Browser browser;

  @BeforeEach
  void openBrowser() {
    api = new ApiClient(base);
    browser = new Browser(base);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void anAdminCreatesATemplateProvisionsADeviceWithItsSecretAndBlocksTheDevice()
      throws IOException {
    browser.signIn(TestEnvironment.CONSOLE_ADMIN, TestEnvironment.settings().consolePassword());
    assertThat(browser.text("signed-in-as")).contains(TestEnvironment.CONSOLE_ADMIN, "admin");
    // the test server says the console is served over HTTPS only (otos.console.secure-cookie)
    assertThat(browser.cookie("JSESSIONID"))
        .hasValueSatisfying(
            session -> {
              assertThat(session.isSecure()).as("Secure").isTrue();
              assertThat(session.isHttpOnly()).as("HttpOnly").isTrue();
              assertThat(session.getSameSite()).isEqualTo("Lax");
            });

    // Given a template created in the console, whose secret is shown once
    String name = "console-" + UUID.randomUUID().toString().substring(0, 8);
    browser.open("templates");
    browser.click("new-template");
    browser.type("new-template-name", name);
    browser.click("create-template");
    String secret = browser.value("template-secret");
    SecretsSeen.record(secret);
    assertThat(secret).hasSizeGreaterThanOrEqualTo(16);
    browser.screenshot("template-secret");
    browser.click("secret-done");
    assertThat(browser.disappears(By.id("template-secret"))).as("the secret is gone").isTrue();
    browser.type("template-search", name);
    browser.waitForCell("templates", name);
    browser.screenshot("templates");

    // When a device provisions with that secret through the device API
    String number = ApiClient.uniqueNumber();
    Answer provisioned = api.deviceAuth(secret, number);
    assertThat(provisioned.status()).isEqualTo(200);

    // Then the devices grid finds it, and blocking it there refuses it on the API
    browser.open("devices");
    browser.type("filter-number", number);
    browser.waitForCell("devices", number);
    browser.screenshot("devices");
    browser.clickCell("devices", number);
    assertThat(browser.text("device-status")).isEqualTo("active");
    browser.click("block-device");
    browser.confirm("Block");
    assertThat(browser.text("device-status")).isEqualTo("blocked");
    browser.screenshot("device");
    Answer refused = api.deviceAuth(secret, number);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.errorCode()).isEqualTo("DEVICE_BLOCKED");

    // And the audit trail says who did it
    var action = api.latestAdminAction();
    assertThat(action.getString("action")).isEqualTo("DEVICE_BLOCKED");
    assertThat(action.getString("actor")).isEqualTo(TestEnvironment.CONSOLE_ADMIN);
    assertThat(action.getString("subject")).isEqualTo(number);

    // And the other pages show the template's product keys, allowlist, vouchers and attempts
    browser.open("vouchers");
    browser.waitForCell("vouchers", number);
    browser.screenshot("vouchers");
    browser.open("audit");
    browser.waitForCell("auth-attempts", number);
    UUID templateId = UUID.fromString(api.lastAttempt(number).getString("template_id"));
    browser.open("templates/" + templateId + "/products");
    browser.type("product-name", "Thermometer v2");
    browser.click("create-product");
    browser.waitForCell("products", "Thermometer v2");
    browser.screenshot("product-keys");
    browser.open("templates/" + templateId + "/allowlist");
    browser.type("allowlist-numbers", "AA:BB:CC:00:00:01\nAA:BB:CC:00:00:02");
    browser.click("allowlist-add");
    browser.waitForCell("allowlist", "AA:BB:CC:00:00:02");
    Path csv =
        Files.createTempFile(Path.of(System.getProperty("otos.target", "target")), "list", ".csv");
    Files.writeString(csv, "AA:BB:CC:00:00:03,kitchen\n\"AA:BB:CC:00:00:04\n");
    browser.upload("allowlist-upload", csv);
    browser.waitForCell("allowlist-problems", "CSV_MALFORMED");
    assertThat(browser.cells("allowlist"))
        .as("a file with a wrong line registers nothing")
        .doesNotContain("AA:BB:CC:00:00:03");
    browser.screenshot("allowlist");
    browser.open("");
    assertThat(browser.text("devices-count")).isNotEqualTo("0");
    browser.element(By.cssSelector("#activity-chart svg rect.success"));
    browser.screenshot("dashboard");
  }

  @Test
  void anAuditorSeesEverythingAndCanChangeNothing() {
    // Given an auditor account that an admin created in the console
    String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
    String password = UUID.randomUUID().toString();
    SecretsSeen.record(password);
    browser.signIn(TestEnvironment.CONSOLE_ADMIN, TestEnvironment.settings().consolePassword());
    browser.open("accounts");
    browser.click("new-account");
    browser.type("account-username", auditor);
    browser.type("account-password", password);
    browser.click("create-account");
    browser.waitForCell("accounts", auditor);
    browser.screenshot("accounts");
    browser.signOut();

    // When the auditor signs in
    browser.signIn(auditor, password);
    assertThat(browser.text("signed-in-as")).contains(auditor, "auditor");

    // Then every page reads, and none offers a write
    ApiClient.Template template = api.createTemplate();
    api.createProduct(template.id());
    String number = ApiClient.uniqueNumber();
    String deviceId =
        api.deviceAuth(template.secret(), number)
            .json()
            .getJsonObject("data")
            .getString("device_id");
    // Each page, with an element that shows it was drawn (an empty page would offer no write
    // either)
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("", "activity-chart");
    pages.put("templates", "templates");
    pages.put("templates/" + template.id() + "/products", "products");
    pages.put("templates/" + template.id() + "/allowlist", "allowlist");
    pages.put("devices", "devices");
    pages.put("devices/" + deviceId, "device-status");
    pages.put("vouchers", "vouchers");
    pages.put("audit", "auth-attempts");
    pages.forEach(
        (page, shown) -> {
          browser.open(page);
          assertThat(browser.exists(By.id(shown))).as("page '%s' shows #%s", page, shown).isTrue();
          assertThat(WRITE_BUTTONS)
              .allSatisfy(b -> assertThat(browser.buttonsNamed(b)).as(page).isEmpty());
        });
    browser.open("devices/" + deviceId);
    assertThat(browser.text("device-status")).isEqualTo("active");
    browser.open("audit");
    browser.clickTab("Admin actions");
    browser.waitForCell("admin-actions", "ACCOUNT_CREATED");
    browser.screenshot("audit");
    browser.open("accounts");
    assertThat(browser.exists(By.id("accounts"))).as("accounts are for admins only").isFalse();
  }

  @Test
  void aWrongPasswordIsRefusedAndRepeatedFailuresAreSlowedDown() {
    String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    double throttledBefore = throttledSignIns();
    browser.signIn(unknown, "not the password at all");
    assertThat(browser.pageText()).contains("Check the username and password");
    assertThat(browser.path()).startsWith("login");
    // Five failures are free; after them each one doubles the wait, from one second on
    for (int i = 0; i < 8 && !browser.pageText().contains("Too many"); i++) {
      browser.submitSignIn(unknown, "not the password at all");
    }
    assertThat(browser.pageText()).contains("Too many failed sign-ins. Try again in");
    browser.screenshot("sign-in");
    // not audited (that is the work the wait spares), but counted for the operator
    assertThat(throttledSignIns() - throttledBefore).isEqualTo(1.0);
  }

  /** Sign-ins told to wait by their username's failures so far. */
  private double throttledSignIns() {
    return api.counter("otos_console_sign_ins_throttled_total", "limit=\"username\"");
  }
}
