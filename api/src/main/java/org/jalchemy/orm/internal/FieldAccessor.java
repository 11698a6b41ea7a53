package org.jalchemy.orm.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.orm.ManagedEntity;
import org.jalchemy.orm.MappingError;

/**
 * Reads and writes one field through method handles adapted once to {@code (Object)Object} and
 * {@code (Object,Object)void}, so each access is an {@code invokeExact} with no reflection lookup.
 */
public final class FieldAccessor {
  private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
  private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

  private final Field field;
  private final MethodHandle getter;
  private final MethodHandle setter;
  /** The field's slot in its class's generated {@code $$jal$load}, or -1 when the class has none. */
  private final int loadSlot;

  private FieldAccessor(Field field, MethodHandle getter, MethodHandle setter) {
    this.field = field;
    this.getter = getter;
    this.setter = setter;
    this.loadSlot = LoadSlots.of(field.getDeclaringClass()).indexOf(field.getName());
  }

  /** An accessor for {@code field} of {@code mappedClass}; fails when the field cannot be reached. */
  public static FieldAccessor of(Class<?> mappedClass, Field field) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
      return new FieldAccessor(
          field, lookup.unreflectGetter(field).asType(GETTER), lookup.unreflectSetter(field).asType(SETTER));
    } catch (IllegalAccessException | RuntimeException e) {
      throw new MappingError(MappingError.Kind.INACCESSIBLE, mappedClass, field.getName(),
          "jalchemy cannot read and write this field (" + e.getMessage() + ")",
          "in a named module, open the package to jalchemy (opens " + field.getDeclaringClass().getPackageName()
              + "), or mark the field transient", e);
    }
  }

  public Field field() {
    return field;
  }

  /** The field's value (boxed for primitives). */
  public Object get(Object target) {
    if (hasGeneratedAccess(target)) {
      return ((ManagedEntity) target).$$jal$peek(loadSlot); // the enhancer's generated read: no method handle
    }
    try {
      return (Object) getter.invokeExact(target);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Sets the field; a null for a primitive field is refused, naming the field. */
  public void set(Object target, Object value) {
    if (value == null && field.getType().isPrimitive()) {
      throw new ArgumentError(
          "cannot set primitive field " + field.getDeclaringClass().getSimpleName() + "." + field.getName()
              + " to null; declare it with a wrapper type (" + wrapperName(field.getType()) + ") if it can be NULL");
    }
    try {
      setter.invokeExact(target, value);
    } catch (ClassCastException e) {
      throw new ArgumentError(
          "cannot set " + field.getDeclaringClass().getSimpleName() + "." + field.getName() + " (a "
              + field.getType().getSimpleName() + ") to a " + value.getClass().getName(), e);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * Sets the field to a loaded value: one call of the generated {@code $$jal$load} where it reaches
   * the field ({@link #hasGeneratedAccess}), else {@link #set}, which also gives the errors for a
   * null primitive or a wrong type.
   */
  public void load(Object target, Object value) {
    if (hasGeneratedAccess(target)) {
      try {
        if (((ManagedEntity) target).$$jal$load(loadSlot, value)) {
          return;
        }
      } catch (ClassCastException wrongType) {
        // set() below fails the same way, with a message naming the field
      }
    }
    set(target, value);
  }

  /**
   * Whether {@code target}'s generated {@code $$jal$peek}/{@code $$jal$load} reach this field: its
   * class has them and declares the field (a subclass's generated methods number its own fields).
   */
  private boolean hasGeneratedAccess(Object target) {
    return loadSlot >= 0 && target.getClass() == field.getDeclaringClass();
  }

  private static String wrapperName(Class<?> primitive) {
    return MethodType.methodType(primitive).wrap().returnType().getSimpleName();
  }
}
