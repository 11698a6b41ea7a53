package org.jalchemy.cdi.internal;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.List;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jalchemy.Jalchemy;
import org.jalchemy.dialect.Dialects;
import org.jalchemy.engine.Engine;

/**
 * Where one database's Engine comes from: a URL (a pool the engine owns), a JNDI name of the
 * container's DataSource (whose connections enlist in JTA transactions), or a DataSource bean the
 * application produces. Builds the engine when the bean is first used; checks what it can at boot.
 */
final class EngineSource {
  private final DatabaseSettings settings;
  private final BeanManager beans;

  EngineSource(DatabaseSettings settings, BeanManager beans) {
    this.settings = settings;
    this.beans = beans;
  }

  DatabaseSettings settings() {
    return settings;
  }

  /** True when the database is configured by keys, or (default database only) by a DataSource bean. */
  boolean isAvailable() {
    return settings.isConfigured() || (settings.name().isEmpty() && dataSourceBean() != null);
  }

  /** Boot-time checks: the URL's form, or that the JNDI name resolves. Never connects. */
  void validate(List<String> problems) {
    settings.validate(problems);
    if (settings.datasource() != null) {
      try {
        lookup();
      } catch (NamingException | RuntimeException e) {
        problems.add(DatabaseSettings.key(settings.name(), "datasource") + " = '" + settings.datasource()
            + "' cannot be looked up in JNDI (" + e + "); define a DataSource with that JNDI name in the server "
            + "configuration (server.xml's <dataSource jndiName=…>) or correct the name");
      }
    }
  }

  Engine create() {
    Engine.Options options = settings.engineOptions();
    if (settings.url() != null) {
      return Jalchemy.createEngine(settings.url(), options);
    }
    DataSource ds;
    if (settings.datasource() != null) {
      try {
        ds = lookup();
      } catch (NamingException e) {
        throw new IllegalStateException("cannot look up " + settings.datasource() + " for " + settings.describe(), e);
      }
    } else {
      Bean<?> bean = dataSourceBean();
      ds = (DataSource) beans.getReference(bean, DataSource.class, beans.createCreationalContext(bean));
    }
    return Engine.of(ds, settings.dialect() == null ? null : Dialects.forName(settings.dialect()), options);
  }

  private DataSource lookup() throws NamingException {
    Object found = new InitialContext().lookup(settings.datasource());
    if (!(found instanceof DataSource ds)) {
      throw new NamingException(settings.datasource() + " is a " + (found == null ? "null" : found.getClass().getName())
          + ", not a javax.sql.DataSource");
    }
    return ds;
  }

  private Bean<?> dataSourceBean() {
    Set<Bean<?>> found = beans.getBeans(DataSource.class);
    return found.isEmpty() ? null : beans.resolve(found);
  }
}
