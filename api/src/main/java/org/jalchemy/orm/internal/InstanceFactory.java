package org.jalchemy.orm.internal;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Supplier;

/**
 * Makes new instances of a mapped class for rows being loaded. Where the JVM lets us, a
 * {@code Supplier} spun by {@link LambdaMetafactory} whose {@code get()} is a plain {@code new}
 * (the JIT inlines it at a call site that sees one class); calling the constructor's method
 * handle from a field costs a few times more per object, which a load of 100,000 rows feels.
 * Where the lookup lacks the access to spin one (an entity in another module that is not opened
 * fully), the method handle it is.
 */
public final class InstanceFactory {
  private InstanceFactory() {}

  /**
   * A factory for {@code cls} through its no-argument constructor; {@code constructor} is the
   * fallback, of type {@code ()Object}.
   */
  public static Supplier<Object> of(Class<?> cls, MethodHandle constructor) {
    Supplier<Object> spun = spun(cls);
    return spun != null ? spun : viaHandle(cls, constructor);
  }

  /** A supplier whose {@code get()} is {@code new cls()}; null where the JVM does not let us spin one. */
  @SuppressWarnings("unchecked")
  public static Supplier<Object> spun(Class<?> cls) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(cls, MethodHandles.lookup());
      MethodHandle direct = lookup.findConstructor(cls, MethodType.methodType(void.class));
      return (Supplier<Object>) LambdaMetafactory.metafactory(lookup, "get", MethodType.methodType(Supplier.class),
          MethodType.methodType(Object.class), direct, MethodType.methodType(cls)).getTarget().invokeExact();
    } catch (Throwable notAllowed) { // IllegalAccessException, LambdaConversionException: the handle will do
      return null;
    }
  }

  /** A supplier calling {@code constructor} (type {@code ()Object}); a checked exception it throws is wrapped. */
  public static Supplier<Object> viaHandle(Class<?> cls, MethodHandle constructor) {
    return () -> {
      try {
        return constructor.invokeExact();
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException("constructor of " + cls.getName() + " failed", t);
      }
    };
  }
}
