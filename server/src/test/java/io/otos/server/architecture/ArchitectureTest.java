package io.otos.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the modules apart: the domain knows no HTTP or screens, the API and the console know no
 * JPA.
 */
class ArchitectureTest {

  private static JavaClasses otos;

  @BeforeAll
  static void importClasses() {
    otos =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.otos");
  }

  @Test
  void coreKnowsNothingOfHttpOrScreens() {
    noClasses()
        .that()
        .resideInAPackage("io.otos.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.ws.rs..",
            "jakarta.servlet..",
            "com.vaadin..",
            "io.otos.api..",
            "io.otos.console..")
        .check(otos);
  }

  @Test
  void theApiTouchesNoPersistenceAndNoScreens() {
    noClasses()
        .that()
        .resideInAPackage("io.otos.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.persistence..", "java.sql..", "com.vaadin..", "io.otos.console..")
        .check(otos);
  }

  @Test
  void theConsoleTouchesNoPersistenceAndNoHttpApi() {
    noClasses()
        .that()
        .resideInAPackage("io.otos.console..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.persistence..", "java.sql..", "jakarta.ws.rs..", "io.otos.api..")
        .check(otos);
  }

  /** Besides the repositories, only store.Jdbc, to run on the connection EclipseLink holds. */
  @Test
  void onlyRepositoriesUseTheEntityManager() {
    noClasses()
        .that()
        .haveSimpleNameNotEndingWith("Repository")
        .and()
        .doNotHaveFullyQualifiedName("io.otos.core.store.Jdbc")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.persistence.EntityManager")
        .check(otos);
  }

  @Test
  void coreFeaturesHaveNoCycles() {
    slices().matching("io.otos.core.(*)..").should().beFreeOfCycles().check(otos);
  }

  @Test
  void theApiAndTheConsoleAreIndependent() {
    slices().matching("io.otos.(*)..").should().beFreeOfCycles().check(otos);
  }
}
