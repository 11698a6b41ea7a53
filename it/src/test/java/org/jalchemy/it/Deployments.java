package org.jalchemy.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR under test: the one the module's build made (app, extension, jalchemy), plus test classes. */
final class Deployments {
  private Deployments() {}

  static WebArchive app(String name, Class<?>... testClasses) {
    File war = new File(System.getProperty("it.war", "target/jalchemy-it.war"));
    WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war);
    return ShrinkWrap.create(WebArchive.class, name + ".war").merge(archive).addClasses(testClasses)
        .addAsLibraries(jarOf(org.assertj.core.api.Assertions.class)); // the in-container tests assert with it
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
