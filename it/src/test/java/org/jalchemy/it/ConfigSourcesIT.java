package org.jalchemy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.inspect;

import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jalchemy.it.app.Accounts;
import org.jalchemy.it.app.ItUser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Settings come from every MicroProfile Config source: this WAR's microprofile-config.properties
 * turns expire-on-commit off, while the DataSource comes from server.xml's variable (or the
 * environment, in the PostgreSQL run).
 */
@ExtendWith({DatabaseCondition.class, ArquillianExtension.class})
class ConfigSourcesIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.app("config-it", ConfigSourcesIT.class, Deployments.class, DatabaseCondition.class)
        .addAsResource(new StringAsset("jalchemy.session.expire-on-commit=false\n"), "META-INF/microprofile-config.properties");
  }

  @Inject Accounts accounts;

  @Inject
  @ConfigProperty(name = "jalchemy.datasource")
  String dataSource;

  @Test
  void aKeyFromTheWarsPropertiesFileApplies() {
    accounts.remove("it-config");
    ItUser u = accounts.register("it-config");
    assertThat(inspect(u).expiredAttributes()).as("expire-on-commit=false from microprofile-config.properties").isEmpty();
    assertThat(dataSource).as("from server.xml, or JALCHEMY_DATASOURCE in the environment")
        .isEqualTo("postgresql".equals(System.getenv("IT_DATABASE")) ? "jdbc/jalchemy-postgresql" : "jdbc/jalchemy");
  }
}
