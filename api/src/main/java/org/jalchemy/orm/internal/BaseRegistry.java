package org.jalchemy.orm.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jalchemy.orm.DeclarativeBase;
import org.jalchemy.orm.Mapper;
import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.MappingError.Kind;
import org.jalchemy.orm.Tablename;
import org.jalchemy.schema.MetaData;

/**
 * The mapped classes of one {@link DeclarativeBase} subclass and, once configured, their MetaData
 * and mappers. Configuration happens once, on first need, for every class the base has: those the
 * build-time index lists, those registered explicitly, and those their relationships reach. It is
 * all-or-nothing: a mapping error leaves the base unconfigured, and the next use reports it again.
 */
public final class BaseRegistry {
  private static final ClassValue<BaseRegistry> REGISTRIES =
      new ClassValue<>() {
        @Override
        @SuppressWarnings("unchecked")
        protected BaseRegistry computeValue(Class<?> base) {
          return new BaseRegistry((Class<? extends DeclarativeBase>) base);
        }
      };

  /** The result of configuration: published only when complete. */
  private record Configured(MetaData metadata, Map<Class<?>, Mapper<?>> mappers) {}

  private final Class<? extends DeclarativeBase> base;
  private final Set<Class<?>> registered = new LinkedHashSet<>();
  private volatile Configured configured;

  private BaseRegistry(Class<? extends DeclarativeBase> base) {
    this.base = base;
  }

  /** The registry of a base: a direct subclass of {@link DeclarativeBase}. */
  public static BaseRegistry of(Class<?> base) {
    if (base == null || base.getSuperclass() != DeclarativeBase.class) {
      throw new MappingError(Kind.NOT_A_BASE, base, null,
          "it is not a declarative base (a class declared 'extends DeclarativeBase')",
          "pass your base class, for example DeclarativeBase.metadata(Base.class) where "
              + "'public abstract class Base extends DeclarativeBase {}'");
    }
    return REGISTRIES.get(base);
  }

  /** The declarative base a mapped class extends. */
  public static Class<?> baseOf(Class<?> mappedClass) {
    for (Class<?> c = mappedClass; c != null; c = c.getSuperclass()) {
      if (c.getSuperclass() == DeclarativeBase.class) {
        return c;
      }
    }
    throw new MappingError(Kind.NOT_A_BASE, mappedClass, null,
        "it does not extend a declarative base",
        "declare it 'extends Base', where 'public abstract class Base extends DeclarativeBase {}'");
  }

  /** The mapper of {@code mappedClass}, configuring its base if needed. */
  @SuppressWarnings("unchecked")
  public static <E> Mapper<E> mapperOf(Class<E> mappedClass) {
    if (!mappedClass.isAnnotationPresent(Tablename.class)) {
      throw new MappingError(Kind.NOT_MAPPED, mappedClass, null,
          "it has no @Tablename annotation", "annotate it @Tablename(\"table_name\")");
    }
    BaseRegistry registry = of(baseOf(mappedClass));
    Configured c = registry.configured;
    if (c == null) {
      synchronized (registry) {
        if (registry.configured == null) {
          registry.registered.add(mappedClass);
        }
      }
      c = registry.configured();
    }
    Mapper<E> m = (Mapper<E>) c.mappers().get(mappedClass);
    if (m == null) {
      throw new MappingError(Kind.NOT_MAPPED, mappedClass, null,
          "base " + registry.base.getName() + " was configured before this class was known: it is not in the "
              + MappedClassIndex.PATH + " index and was not registered",
          "let the annotation processor run (jalchemy on the compiler's class path, not -proc:none), or call "
              + "DeclarativeBase.register(" + mappedClass.getSimpleName() + ".class) before the base is first used");
    }
    return m;
  }

  /** Adds classes explicitly; only before the base is configured. */
  public synchronized void register(Collection<Class<?>> classes) {
    List<Class<?>> missing = new ArrayList<>();
    for (Class<?> c : classes) {
      if (configured == null) {
        registered.add(c);
      } else if (!configured.mappers().containsKey(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      throw new MappingError(Kind.NOT_MAPPED, missing.get(0), null,
          "base " + base.getName() + " is already configured, so classes can no longer join it",
          "call DeclarativeBase.register(…) before the first DeclarativeBase.metadata(" + base.getSimpleName()
              + ".class) or use of a mapped class, or let the annotation processor index the class");
    }
  }

  /** The base's MetaData, configuring first if needed. */
  public MetaData metadata() {
    return configured().metadata();
  }

  /** Every mapper of the base, configuring first if needed. */
  public Collection<Mapper<?>> mappers() {
    return configured().mappers().values();
  }

  private Configured configured() {
    Configured c = configured;
    if (c == null) {
      synchronized (this) {
        c = configured;
        if (c == null) {
          Set<Class<?>> classes = new LinkedHashSet<>(indexedClasses());
          classes.addAll(registered);
          MetaData metadata = new MetaData();
          Map<Class<?>, Mapper<?>> mappers = new MapperConfigurator(base, metadata).configure(classes);
          c = new Configured(metadata, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mappers)));
          configured = c;
        }
      }
    }
    return c;
  }

  /** The indexed classes that extend this base, loaded without initializing them. */
  private List<Class<?>> indexedClasses() {
    Set<String> names = new LinkedHashSet<>();
    ClassLoader own = base.getClassLoader();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (own != null) {
      names.addAll(MappedClassIndex.classNames(own));
    }
    if (context != null && context != own) {
      names.addAll(MappedClassIndex.classNames(context));
    }
    List<Class<?>> out = new ArrayList<>();
    for (String name : names) {
      Class<?> c = load(name, own, context);
      if (c != null && c != base && base.isAssignableFrom(c) && c.isAnnotationPresent(Tablename.class)) {
        out.add(c);
      }
    }
    return out;
  }

  private static Class<?> load(String name, ClassLoader own, ClassLoader context) {
    for (ClassLoader l : new ClassLoader[] {own, context}) {
      if (l == null) {
        continue;
      }
      try {
        return Class.forName(name, false, l);
      } catch (ClassNotFoundException | LinkageError e) {
        // Listed by an index this loader cannot load from (another application's jar): not ours.
      }
    }
    return null;
  }
}
