package io.otos.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The server finds CDI beans only in jars with a {@code META-INF/beans.xml} (implicit bean archives
 * are off: {@code preboot.asadmin}). A module without one would deploy with its beans missing, and
 * some of that (JAX-RS resources, views, start-up observers) would not fail until used.
 */
class BeanArchivesTest {

  @Test
  void everyModuleInTheWarSaysItHoldsBeans() throws IOException {
    Map<String, URL> modules = new TreeMap<>(); // io.otos.<module> -> where its classes are
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.otos")) {
      String module = type.getPackageName().split("\\.")[2];
      if (!module.equals("server")) { // the WAR itself: WEB-INF/beans.xml
        modules.putIfAbsent(module, classPathEntry(type));
      }
    }

    assertThat(modules).containsKeys("core", "api", "console");
    for (Map.Entry<String, URL> module : modules.entrySet()) {
      assertThat(beansXml(module.getValue()))
          .as(
              "META-INF/beans.xml of io.otos.%s's module, at %s",
              module.getKey(), module.getValue())
          .contains("bean-discovery-mode=\"all\"");
    }
  }

  /** The directory or jar a class was imported from. */
  private static URL classPathEntry(JavaClass type) throws IOException {
    String file = type.getSource().orElseThrow().getUri().toString();
    String root =
        file.substring(0, file.length() - (type.getName().replace('.', '/') + ".class").length());
    // a directory ("file:/…/classes/") or an entry of a jar ("jar:file:/…/x.jar!/")
    return URI.create(root.startsWith("jar:") ? root.substring(4, root.length() - 2) : root)
        .toURL();
  }

  private static String beansXml(URL location) throws IOException {
    // Payara 6 skips a WEB-INF/lib jar whose beans.xml says "annotated" when implicit archives are
    // off, so "all" it is.
    try (URLClassLoader only = new URLClassLoader(new URL[] {location}, null)) {
      URL beans = only.findResource("META-INF/beans.xml");
      if (beans == null) {
        return "(none)";
      }
      try (InputStream in = beans.openStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
