package io.otos.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium, driven through {@code /usr/bin/chromedriver}, with what the console
 * tests need from Vaadin's components: fields by id, buttons by id or text, grid cells, dialogs,
 * screenshots (saved to {@code target/console-screenshots/}).
 */
final class Browser implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final String base;
  private final Path screenshots;

  Browser(URL base) {
    assertThat(new File(CHROMIUM))
        .as("the console tests need Debian's chromium: apt-get install chromium chromium-driver")
        .exists();
    assertThat(new File(CHROMEDRIVER))
        .as("the console tests need chromedriver: apt-get install chromium-driver")
        .exists();
    this.base = base.toString().endsWith("/") ? base.toString() : base + "/";
    this.screenshots = Path.of(System.getProperty("otos.target", "target"), "console-screenshots");
    try {
      Files.createDirectories(screenshots);
      Path profile = Files.createTempDirectory("otos-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1440,1000",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(CHROMEDRIVER))
              .usingAnyFreePort()
              .build();
      this.driver = new ChromeDriver(service, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.wait = new WebDriverWait(driver, PATIENCE);
  }

  Browser open(String path) {
    driver.get(base + path);
    settle();
    return this;
  }

  /** Waits until Vaadin has answered every request the page made. */
  Browser settle() {
    wait.until(
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
                            + " && Object.values(window.Vaadin.Flow.clients)"
                            + ".every(c => !c.isActive || !c.isActive())")));
    return this;
  }

  void signIn(String username, String password) {
    open("login");
    submitSignIn(username, password);
  }

  /** Fills in and sends the sign-in form already on the page. */
  void submitSignIn(String username, String password) {
    WebElement name = element(By.cssSelector("vaadin-login-form vaadin-text-field input"));
    name.clear();
    name.sendKeys(username);
    WebElement secret = element(By.cssSelector("vaadin-login-form vaadin-password-field input"));
    secret.clear();
    secret.sendKeys(password);
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form vaadin-button")))
        .click();
    settle();
  }

  void signOut() {
    click("sign-out");
    wait.until(ExpectedConditions.urlContains("login"));
    settle();
  }

  /** The cookie of this name the browser keeps for the console, if it keeps one. */
  Optional<Cookie> cookie(String name) {
    return Optional.ofNullable(driver.manage().getCookieNamed(name));
  }

  String path() {
    return driver.getCurrentUrl().substring(base.length());
  }

  WebElement element(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Whether {@code by} is gone within the patience, e.g. a dialog after its closing animation. */
  boolean disappears(By by) {
    try {
      wait.until(d -> d.findElements(by).isEmpty());
      return true;
    } catch (org.openqa.selenium.TimeoutException stillThere) {
      return false;
    }
  }

  boolean exists(By by) {
    return !driver.findElements(by).isEmpty();
  }

  void type(String fieldId, String text) {
    WebElement input = element(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"));
    input.clear();
    input.sendKeys(text);
    settle();
  }

  void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    settle();
  }

  /** Clicks the first button whose text is {@code text}, for buttons in grid rows. */
  void clickButton(String text) {
    buttonsNamed(text).stream().findFirst().orElseThrow().click();
    settle();
  }

  List<WebElement> buttonsNamed(String text) {
    return driver.findElements(By.tagName("vaadin-button")).stream()
        .filter(WebElement::isDisplayed)
        .filter(b -> b.getText().strip().equals(text))
        .toList();
  }

  void clickTab(String text) {
    driver.findElements(By.tagName("vaadin-tab")).stream()
        .filter(t -> t.getText().strip().equals(text))
        .findFirst()
        .orElseThrow()
        .click();
    settle();
  }

  /** Chooses {@code file} in a Vaadin upload, which sends it at once. */
  void upload(String uploadId, Path file) {
    WebElement upload = element(By.id(uploadId));
    upload
        .getShadowRoot()
        .findElement(By.cssSelector("input[type=file]"))
        .sendKeys(file.toString());
    settle();
  }

  /** Confirms a confirmation dialog by its button, the last one shown with that text. */
  void confirm(String button) {
    wait.until(d -> buttonsNamed(button).size() > 1);
    List<WebElement> buttons = buttonsNamed(button);
    buttons.get(buttons.size() - 1).click();
    settle();
  }

  String value(String fieldId) {
    return element(By.cssSelector("#" + fieldId + " input")).getAttribute("value");
  }

  String text(String id) {
    return element(By.id(id)).getText();
  }

  /** The texts of a grid's rendered cells, row by row, left to right. */
  List<String> cells(String gridId) {
    element(By.id(gridId));
    return driver
        .findElements(By.cssSelector("#" + gridId + " > vaadin-grid-cell-content"))
        .stream()
        .map(c -> c.getText().strip())
        .toList();
  }

  void waitForCell(String gridId, String text) {
    wait.until(d -> cells(gridId).contains(text));
  }

  void clickCell(String gridId, String text) {
    driver.findElements(By.cssSelector("#" + gridId + " > vaadin-grid-cell-content")).stream()
        .filter(c -> c.getText().strip().equals(text))
        .findFirst()
        .orElseThrow()
        .click();
    settle();
  }

  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  void screenshot(String name) {
    settle();
    try {
      Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
