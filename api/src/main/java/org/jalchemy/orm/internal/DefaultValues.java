package org.jalchemy.orm.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.MappingError.Kind;

/**
 * The Java-side default of a column: {@code defaultValue} text converted once to the field's type,
 * or a {@code defaultFactory} Supplier instantiated once and called per INSERT.
 */
public final class DefaultValues {
  private DefaultValues() {}

  /** The default as a supplier, or null when the field declares none. */
  public static Supplier<?> of(Class<?> owner, Field field, MappedColumn ann) {
    if (ann == null) {
      return null;
    }
    boolean hasText = !ann.defaultValue().isEmpty();
    boolean hasFactory = ann.defaultFactory() != Supplier.class;
    if (hasText && hasFactory) {
      throw new MappingError(Kind.BAD_COLUMN_OPTION, owner, field.getName(),
          "both defaultValue and defaultFactory are given", "keep one of them");
    }
    if (hasText) {
      Object value = parse(owner, field, ann.defaultValue());
      return () -> value;
    }
    if (hasFactory) {
      return instantiate(owner, field, ann.defaultFactory());
    }
    return null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object parse(Class<?> owner, Field field, String text) {
    Class<?> t = TypeInference.boxed(field.getType());
    try {
      if (t == String.class) {
        return text;
      } else if (t == Integer.class) {
        return Integer.valueOf(text);
      } else if (t == Long.class) {
        return Long.valueOf(text);
      } else if (t == Short.class) {
        return Short.valueOf(text);
      } else if (t == Double.class) {
        return Double.valueOf(text);
      } else if (t == Float.class) {
        return Float.valueOf(text);
      } else if (t == BigDecimal.class) {
        return new BigDecimal(text);
      } else if (t == Boolean.class) {
        if (!text.equals("true") && !text.equals("false")) {
          throw new IllegalArgumentException("not true or false");
        }
        return Boolean.valueOf(text);
      } else if (t == UUID.class) {
        return UUID.fromString(text);
      } else if (t == LocalDate.class) {
        return LocalDate.parse(text);
      } else if (t == LocalTime.class) {
        return LocalTime.parse(text);
      } else if (t == LocalDateTime.class) {
        return LocalDateTime.parse(text);
      } else if (t == OffsetDateTime.class) {
        return OffsetDateTime.parse(text);
      } else if (t == Instant.class) {
        return Instant.parse(text);
      } else if (t.isEnum()) {
        return Enum.valueOf((Class) t, text);
      }
    } catch (RuntimeException e) {
      throw new MappingError(Kind.BAD_COLUMN_OPTION, owner, field.getName(),
          "defaultValue \"" + text + "\" is not a " + t.getSimpleName() + " (" + e.getMessage() + ")",
          "write the default as " + t.getSimpleName() + " text (numbers as digits, dates in ISO-8601, enum constants by name)", e);
    }
    throw new MappingError(Kind.BAD_COLUMN_OPTION, owner, field.getName(),
        "defaultValue text cannot be converted to " + t.getSimpleName(),
        "use defaultFactory with a Supplier class instead");
  }

  private static Supplier<?> instantiate(Class<?> owner, Field field, Class<?> factory) {
    try {
      Constructor<?> c = factory.getDeclaredConstructor();
      c.setAccessible(true);
      return (Supplier<?>) c.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new MappingError(Kind.BAD_COLUMN_OPTION, owner, field.getName(),
          "defaultFactory " + factory.getName() + " cannot be instantiated (" + e + ")",
          "give it a no-argument constructor and make it a static (not inner) class", e);
    }
  }
}
