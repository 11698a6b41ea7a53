package org.jalchemy.orm;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.orm.internal.BaseRegistry;
import org.jalchemy.schema.MetaData;

/**
 * The root of mapped classes. An application declares one base (or a few, each with its own
 * MetaData) and maps classes on it:
 *
 * <pre>{@code
 * public abstract class Base extends DeclarativeBase {}
 *
 * @Tablename("user_account")
 * public class User extends Base { @MappedColumn(primaryKey = true) private Integer id; ... }
 *
 * DeclarativeBase.metadata(Base.class).createAll(engine);
 * }</pre>
 *
 * <p>A base finds its classes in the build-time index the annotation processor writes
 * ({@code META-INF/jalchemy/mapped-classes}, read from every jar), plus any named with
 * {@link #register} and any their relationships reach. It is configured once, on first use; every
 * mapping mistake is reported then as a {@link MappingError}.
 */
public abstract class DeclarativeBase {
  /** For subclasses. */
  protected DeclarativeBase() {}

  /**
   * The MetaData of {@code base}, holding the tables of all its mapped classes; configures the base
   * on first call. (A static method cannot tell which subclass it was called through, so the base
   * is named.)
   */
  public static MetaData metadata(Class<? extends DeclarativeBase> base) {
    return BaseRegistry.of(base).metadata();
  }

  /** The mappers of every class mapped on {@code base}. */
  public static Collection<Mapper<?>> mappers(Class<? extends DeclarativeBase> base) {
    return BaseRegistry.of(base).mappers();
  }

  /** The mapper of one mapped class (the same as {@link Mapper#of}). */
  public static <E> Mapper<E> mapper(Class<E> mappedClass) {
    return Mapper.of(mappedClass);
  }

  /**
   * Adds classes to their bases explicitly, for classes the index does not list (compiled without
   * the annotation processor). Must happen before each base is first used.
   *
   * <pre>{@code
   * DeclarativeBase.register(User.class, Address.class);
   * }</pre>
   */
  public static void register(Class<?>... mappedClasses) {
    Map<Class<?>, List<Class<?>>> byBase = new LinkedHashMap<>();
    for (Class<?> c : mappedClasses) {
      byBase.computeIfAbsent(BaseRegistry.baseOf(c), b -> new java.util.ArrayList<>()).add(c);
    }
    byBase.forEach((base, classes) -> BaseRegistry.of(base).register(classes));
  }

  /** As {@link #register(Class[])}, for a collection. */
  public static void register(Collection<Class<?>> mappedClasses) {
    register(mappedClasses.toArray(Class<?>[]::new));
  }
}
