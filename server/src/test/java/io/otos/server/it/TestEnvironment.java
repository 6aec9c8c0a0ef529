package io.otos.server.it;

import io.otos.server.run.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every integration test runs against, started once per test JVM before Arquillian starts
 * Payara Micro: a real PostgreSQL (embedded, or the one at {@code OTOS_TEST_DB_URL}), a fresh hash
 * key and admin token. They reach the server in a system properties file (readable by its owner
 * only) named in the {@code payara.extraMicroOptions} that the Payara Micro container reads, not on
 * its command line, which the container logs and {@code ps} shows.
 */
public final class TestEnvironment implements BeforeAllCallback {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern LOCAL_URL =
      Pattern.compile("jdbc:postgresql://(127\\.0\\.0\\.1|localhost):(\\d+)(/.*)");

  /** The first console admin, created by the server from its settings. */
  static final String CONSOLE_ADMIN = "it-admin";

  private static Settings settings;
  private static DatabaseLink link;

  record Settings(
      String dbUrl,
      String dbUser,
      String dbPassword,
      String hashKey,
      String secretKey,
      String adminToken,
      String consoleAdmin,
      String consolePassword) {}

  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (TestEnvironment.class) {
      if (settings == null) {
        settings = start(context);
        SecretsSeen.forgetEarlierRuns();
        SecretsSeen.record(settings.hashKey());
        SecretsSeen.record(settings.secretKey());
        SecretsSeen.record(settings.adminToken());
        SecretsSeen.record(settings.dbPassword());
        SecretsSeen.record(settings.consolePassword());
        Properties server = new Properties();
        server.setProperty("otos.db.url", linked(settings.dbUrl(), context));
        server.setProperty("otos.db.user", settings.dbUser());
        if (!settings.dbPassword().isEmpty()) {
          server.setProperty("otos.db.password", settings.dbPassword());
        }
        server.setProperty("otos.hash.key", settings.hashKey());
        server.setProperty("otos.secret.key", settings.secretKey());
        server.setProperty("otos.admin.token", settings.adminToken());
        server.setProperty("otos.admin.user", settings.consoleAdmin());
        server.setProperty("otos.admin.password", settings.consolePassword());
        server.setProperty("otos.console.secure-cookie", "true"); // chromium keeps it on localhost
        System.setProperty(
            "payara.extraMicroOptions",
            System.getProperty("payara.extraMicroOptions", "")
                + " --systemproperties "
                + privateFile(server));
      }
    }
  }

  private static Path privateFile(Properties properties) {
    try {
      Path file =
          Files.createTempFile(
              "otos-it-",
              ".properties",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      file.toFile().deleteOnExit();
      try (var out = Files.newBufferedWriter(file)) {
        properties.store(out, "OTOS integration tests: server settings");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Settings start(ExtensionContext context) {
    String hashKey = Base64.getEncoder().encodeToString(randomBytes(32));
    String secretKey = Base64.getEncoder().encodeToString(randomBytes(32));
    String adminToken = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
    String consolePassword =
        Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18));
    Optional<String> external = env("OTOS_TEST_DB_URL");
    if (external.isPresent()) {
      return new Settings(
          external.get(),
          env("OTOS_TEST_DB_USER").orElse("otos"),
          env("OTOS_TEST_DB_PASSWORD").orElse(""),
          hashKey,
          secretKey,
          adminToken,
          CONSOLE_ADMIN,
          consolePassword);
    }
    EmbeddedDatabase database = EmbeddedDatabase.temporary();
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .put("otos-test-database", database);
    return new Settings(
        database.jdbcUrl(),
        database.user(),
        "",
        hashKey,
        secretKey,
        adminToken,
        CONSOLE_ADMIN,
        consolePassword);
  }

  /**
   * The server reaches the database through a {@link DatabaseLink}, so that a test can take the
   * database away and give it back.
   */
  private static String linked(String jdbcUrl, ExtensionContext context) {
    Matcher url = LOCAL_URL.matcher(jdbcUrl);
    if (!url.matches()) {
      return jdbcUrl;
    }
    try {
      link = new DatabaseLink(url.group(1), Integer.parseInt(url.group(2)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .put("otos-test-database-link", link);
    return "jdbc:postgresql://127.0.0.1:" + link.port() + url.group(3);
  }

  /** The link between the server and its database, when the database is local. */
  static Optional<DatabaseLink> databaseLink() {
    return Optional.ofNullable(link);
  }

  /** What the tests run against: database, keys. */
  static Settings settings() {
    return settings;
  }

  static String adminToken() {
    return settings.adminToken();
  }

  /** A direct connection to the service's database, to check what it stored. */
  static Connection database() throws SQLException {
    return DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
