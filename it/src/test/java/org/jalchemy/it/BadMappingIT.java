package org.jalchemy.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jalchemy.it.bad.BadBase;
import org.jalchemy.it.bad.Keyless;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A WAR whose mapping is wrong does not start, and the server says which class and what to do. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadMappingIT {
  private static final String BAD = "bad-mapping";

  /** The app plus a class without a primary key, listed in the WAR's index as the processor would. */
  @Deployment(name = BAD, managed = false, testable = false)
  static WebArchive deployment() {
    return Deployments.app("bad-mapping-it").addClasses(BadBase.class, Keyless.class)
        .addAsResource(new StringAsset(Keyless.class.getName() + "\n" + indexOfTheApp()), "META-INF/jalchemy/mapped-classes");
  }

  private static String indexOfTheApp() {
    try {
      return Files.readString(Path.of("target/classes/META-INF/jalchemy/mapped-classes"));
    } catch (IOException e) {
      throw new IllegalStateException("the app's index is missing: was target/classes built?", e);
    }
  }

  @ArquillianResource
  Deployer deployer;

  @Test
  void theDeploymentFailsNamingTheClassAndTheFix() {
    assertThatThrownBy(() -> deployer.deploy(BAD))
        .hasMessageContaining("jalchemy: mapped class " + Keyless.class.getName())
        .hasMessageContaining("Fix: mark the key field @MappedColumn(primaryKey = true)");
  }
}
