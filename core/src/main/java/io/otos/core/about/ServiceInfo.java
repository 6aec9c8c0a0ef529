package io.otos.core.about;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The service's name and the version it was built as. */
public final class ServiceInfo {

  public static final String NAME = "OTOS";
  private static final String VERSION = load();

  private ServiceInfo() {}

  public static String version() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ServiceInfo.class.getResourceAsStream("otos.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
