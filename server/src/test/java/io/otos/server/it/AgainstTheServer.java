package io.otos.server.it;

import io.otos.server.it.ApiClient.Template;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;

/**
 * The setting of the HTTP integration tests: the WAR deployed in a real Payara Micro (one per test
 * class), a client speaking to it, and a fresh template for each test, so that tests never share
 * devices.
 */
@OtosIT
@RunAsClient
abstract class AgainstTheServer {

  /** Failures a day the server allows per address, device number and template (server/pom.xml). */
  static final int SOURCE_LIMIT = limit("it.limit.source");

  static final int DEVICE_NUMBER_LIMIT = limit("it.limit.device-number");
  static final int TEMPLATE_LIMIT = limit("it.limit.template");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.otosWar();
  }

  @ArquillianResource URL base;

  ApiClient api;
  Template template;

  @BeforeEach
  void fleet() {
    api = new ApiClient(base);
    template = api.createTemplate();
  }

  /** The body of a device auth of this test's template. */
  JsonObjectBuilder auth(String number) {
    return Json.createObjectBuilder()
        .add("template_secret", template.secret())
        .add("device_number", number);
  }

  private static int limit(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set; failsafe sets it (server/pom.xml)");
    }
    return Integer.parseInt(value);
  }
}
