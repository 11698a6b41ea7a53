package org.jalchemy.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jalchemy.cdi.bad.BadBase;
import org.jalchemy.cdi.bad.Keyless;
import org.jalchemy.cdi.internal.JalchemyExtension;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;

/** Each configuration or mapping mistake fails the boot, with a message naming the key or class and the fix. */
class DeploymentErrorsTest {

  private static Weld bare() {
    return new Weld().disableDiscovery().addExtension(new JalchemyExtension());
  }

  @Test
  void noDatabaseConfigured() {
    assertThatThrownBy(() -> Container.boot(Map.of(), bare()).close())
        .hasMessageContaining("jalchemy: no database is configured for the default database")
        .hasMessageContaining("set jalchemy.url").hasMessageContaining("jalchemy.datasource");
  }

  @Test
  void malformedUrl() {
    assertThatThrownBy(() -> Container.boot(Map.of("jalchemy.url", "oracle9://scott@db/x"), bare()).close())
        .hasMessageContaining("jalchemy.url = 'oracle9://scott@db/x' is not a database URL jalchemy knows");
  }

  @Test
  void unknownDialect() {
    assertThatThrownBy(() -> Container.boot(Map.of("jalchemy.url", "h2:mem:x", "jalchemy.dialect", "oracle9"), bare()).close())
        .hasMessageContaining("jalchemy.dialect = 'oracle9'").hasMessageContaining("use sqlite, h2, postgresql or mysql");
  }

  @Test
  void unresolvableJndiName() {
    assertThatThrownBy(() -> Container.boot(Map.of("jalchemy.datasource", "jdbc/missing"), bare()).close())
        .hasMessageContaining("jalchemy.datasource = 'jdbc/missing' cannot be looked up in JNDI")
        .hasMessageContaining("<dataSource jndiName=");
  }

  @Test
  void malformedNumbersAndBothSources() {
    assertThatThrownBy(() -> Container.boot(Map.of("jalchemy.url", "h2:mem:x", "jalchemy.pool.size", "many",
        "jalchemy.reports.url", "h2:mem:y", "jalchemy.reports.datasource", "jdbc/y"), bare()).close())
        .hasMessageContaining("jalchemy.pool.size = 'many' is not a positive whole number")
        .hasMessageContaining("database 'reports': both jalchemy.reports.url and jalchemy.reports.datasource are set");
  }

  @Test
  void aMappingMistakeNamesTheClassAndTheFix() {
    // all discovery mode for these classes: the container hands them to the extension
    assertThatThrownBy(() -> Container.boot(Map.of("jalchemy.url", "h2:mem:x"), bare().addBeanClasses(BadBase.class, Keyless.class)).close())
        .hasMessageContaining(Keyless.class.getName()).hasMessageContaining("primary key");
  }
}
