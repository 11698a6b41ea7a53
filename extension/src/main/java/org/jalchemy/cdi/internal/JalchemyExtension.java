package org.jalchemy.cdi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jalchemy.cdi.Database;
import org.jalchemy.cdi.Rows;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.orm.DeclarativeBase;
import org.jalchemy.orm.Mapper;
import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionMaker;
import org.jalchemy.orm.Tablename;
import org.jalchemy.orm.internal.BaseRegistry;
import org.jalchemy.orm.internal.MappedClassIndex;

/**
 * The portable extension (registered in META-INF/services): finds the deployment's mapped classes
 * from the build-time index (so it works in the default {@code annotated} discovery mode, where
 * the container never sees plain entity classes) and from ProcessAnnotatedType in {@code all}
 * mode, vetoing them so entities never become beans; adds the Engine, SessionMaker, Session,
 * Connection and {@code Rows<T>} beans of each configured database; and at
 * AfterDeploymentValidation configures every mapping and checks the configuration, failing the
 * deployment with a message that names the class or key and the fix.
 */
public class JalchemyExtension implements Extension {
  private static final String SCHEMA_CREATE = "jalchemy.schema.create";

  private final Set<Class<?>> seenByContainer = new LinkedHashSet<>();
  private final Set<Class<?>> mappedClasses = new LinkedHashSet<>();
  private final List<String> problems = new ArrayList<>();
  private final Map<String, EngineSource> databases = new LinkedHashMap<>();

  /** In {@code all} discovery mode: mapped classes are noted, and vetoed so that they never become beans. */
  <T> void vetoMappedClasses(@Observes @WithAnnotations(Tablename.class) ProcessAnnotatedType<T> event) {
    if (event.getAnnotatedType().isAnnotationPresent(Tablename.class)) {
      seenByContainer.add(event.getAnnotatedType().getJavaClass());
      event.veto();
    }
  }

  void addBeans(@Observes AfterBeanDiscovery event, BeanManager beans) {
    ClassLoader loader = loader();
    for (String name : MappedClassIndex.classNames(loader)) {
      try {
        mappedClasses.add(Class.forName(name, false, loader));
      } catch (ClassNotFoundException | LinkageError e) {
        problems.add("the mapped class " + name + " listed in " + MappedClassIndex.PATH + " cannot be loaded (" + e
            + "); rebuild the module so that its index matches its classes");
      }
    }
    mappedClasses.addAll(seenByContainer);

    Config config = ConfigProvider.getConfig(loader);
    TransactionRegistryLookup registry = new TransactionRegistryLookup(beans);
    List<String> names = new ArrayList<>();
    names.add(DatabaseSettings.DEFAULT);
    names.addAll(DatabaseSettings.namedDatabases(config));
    for (String name : names) {
      EngineSource source = new EngineSource(DatabaseSettings.read(config, name, problems), beans);
      databases.put(name, source);
      addDatabaseBeans(event, beans, source, new JtaBinder(registry));
    }
  }

  private void addDatabaseBeans(AfterBeanDiscovery event, BeanManager beans, EngineSource source, JtaBinder binder) {
    DatabaseSettings settings = source.settings();
    Annotation[] qualifiers = qualifiers(settings.name());

    event.addBean().types(Engine.class, Object.class).qualifiers(qualifiers).scope(ApplicationScoped.class)
        .name(null).createWith(cc -> source.create()).destroyWith((engine, cc) -> ((Engine) engine).dispose());

    event.addBean().types(SessionMaker.class, Object.class).qualifiers(qualifiers).scope(Singleton.class)
        .createWith(cc -> SessionMaker.of(beans.createInstance().select(Engine.class, qualifiers).get(),
            settings.sessionOptions()).withTransactionBinder(binder));

    event.addBean().types(SessionHolder.class, Object.class).qualifiers(qualifiers).scope(RequestScoped.class)
        .createWith(cc -> new SessionHolder(beans.createInstance().select(SessionMaker.class, qualifiers).get()))
        .destroyWith((holder, cc) -> ((SessionHolder) holder).close());

    event.addBean().types(Session.class, Object.class).qualifiers(qualifiers).scope(Dependent.class)
        .createWith(cc -> requestSession(beans, settings, qualifiers));

    event.addBean().types(Connection.class, Object.class).qualifiers(qualifiers).scope(Dependent.class)
        .createWith(cc -> requestSession(beans, settings, qualifiers).connection());

    for (Class<?> mapped : mappedClasses) {
      event.addBean().types(new RowsType(mapped), Object.class).qualifiers(qualifiers).scope(Dependent.class)
          .beanClass(Rows.class)
          .createWith(cc -> new Rows<>(requestSession(beans, settings, qualifiers), mapped));
    }
  }

  private static Session requestSession(BeanManager beans, DatabaseSettings settings, Annotation[] qualifiers) {
    SessionHolder holder = beans.createInstance().select(SessionHolder.class, qualifiers).get(); // a client proxy
    return new RequestSession(() -> holder, settings.describe());
  }

  private static Annotation[] qualifiers(String name) {
    return name.isEmpty()
        ? new Annotation[] {Default.Literal.INSTANCE, Any.Literal.INSTANCE}
        : new Annotation[] {Database.Literal.of(name), Any.Literal.INSTANCE};
  }

  void validate(@Observes AfterDeploymentValidation event, BeanManager beans) {
    List<String> found = new ArrayList<>(problems);
    configureMappings(found);
    for (EngineSource source : databases.values()) {
      DatabaseSettings s = source.settings();
      if (!source.isAvailable()) {
        found.add("no database is configured for " + s.describe() + ": set " + DatabaseSettings.key(s.name(), "url")
            + " (e.g. h2:mem:app or postgresql+pgjdbc://user@host:5432/db) or " + DatabaseSettings.key(s.name(), "datasource")
            + " (the JNDI name of a container DataSource) in MicroProfile Config"
            + (s.name().isEmpty() ? ", or produce a javax.sql.DataSource bean" : ""));
      } else {
        source.validate(found);
      }
    }
    if (found.isEmpty()) {
      createSchemas(beans, found);
    }
    for (String problem : found) {
      event.addDeploymentProblem(new DeploymentException("jalchemy: " + problem));
    }
  }

  /** Every mapping is configured now, so that a mistake fails the deployment rather than the first request. */
  private void configureMappings(List<String> found) {
    try {
      DeclarativeBase.register(new ArrayList<>(seenByContainer));
    } catch (MappingError e) {
      found.add(e.getMessage());
    }
    for (Class<?> c : mappedClasses) {
      try {
        Mapper.of(c);
      } catch (MappingError e) {
        found.add(e.getMessage());
      } catch (RuntimeException e) {
        found.add("the mapping of " + c.getName() + " cannot be configured: " + e);
      }
    }
  }

  /** {@code jalchemy.schema.create=true} (and {@code jalchemy.<name>.schema.create}): CREATE TABLE for every base. */
  private void createSchemas(BeanManager beans, List<String> found) {
    Config config = ConfigProvider.getConfig(loader());
    Set<Class<?>> bases = new LinkedHashSet<>();
    for (Class<?> c : mappedClasses) {
      bases.add(BaseRegistry.baseOf(c));
    }
    for (EngineSource source : databases.values()) {
      String name = source.settings().name();
      String key = name.isEmpty() ? SCHEMA_CREATE : "jalchemy." + name + ".schema.create";
      if (!config.getOptionalValue(key, Boolean.class).orElse(false)) {
        continue;
      }
      try {
        Engine engine = beans.createInstance().select(Engine.class, qualifiers(name)).get();
        for (Class<?> base : bases) {
          @SuppressWarnings("unchecked")
          Class<? extends DeclarativeBase> b = (Class<? extends DeclarativeBase>) base;
          DeclarativeBase.metadata(b).createAll(engine);
        }
      } catch (RuntimeException e) {
        found.add(key + "=true, but creating the tables of " + source.settings().describe() + " failed: " + e.getMessage()
            + "; check that the database is reachable, or set " + key + "=false");
      }
    }
  }

  void shutdown(@Observes BeforeShutdown event) {
    databases.clear();
  }

  /** The mapped classes found (for tests and diagnostics). */
  public Set<Class<?>> mappedClasses() {
    return Set.copyOf(mappedClasses);
  }

  private ClassLoader loader() {
    ClassLoader tccl = Thread.currentThread().getContextClassLoader();
    return tccl != null ? tccl : JalchemyExtension.class.getClassLoader();
  }
}
