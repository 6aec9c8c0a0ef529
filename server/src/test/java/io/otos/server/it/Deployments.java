package io.otos.server.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archive the integration tests deploy: the very WAR the build produced. */
final class Deployments {

  private Deployments() {}

  static WebArchive otosWar() {
    File war = new File(System.getProperty("otos.war", "target/otos.war"));
    return ShrinkWrap.create(ZipImporter.class, "otos.war").importFrom(war).as(WebArchive.class);
  }
}
