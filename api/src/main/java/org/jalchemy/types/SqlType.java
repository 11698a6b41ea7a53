package org.jalchemy.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.types.internal.StandardCodecs;

/**
 * A SQL type paired with the Java type its values take. Instances come from {@link Types}:
 *
 * <pre>{@code
 * Column<String> name = users.column("name", Types.string(30));
 * Column<BigDecimal> price = items.column("price", Types.numeric(10, 2));
 * }</pre>
 *
 * <p>Types are values: two {@code string(30)} are equal. A dialect decides the DDL name and the
 * JDBC transfer of each {@link TypeKind}.
 *
 * @param <T> the Java type of values of this SQL type
 */
public class SqlType<T> {
  private final TypeKind kind;
  private final Class<T> javaType;
  private final Integer length;
  private final Integer precision;
  private final Integer scale;

  protected SqlType(TypeKind kind, Class<T> javaType, Integer length, Integer precision, Integer scale) {
    this.kind = Objects.requireNonNull(kind);
    this.javaType = Objects.requireNonNull(javaType);
    this.length = length;
    this.precision = precision;
    this.scale = scale;
  }

  static <T> SqlType<T> of(TypeKind kind, Class<T> javaType) {
    return new SqlType<>(kind, javaType, null, null, null);
  }

  static <T> SqlType<T> of(TypeKind kind, Class<T> javaType, Integer length, Integer precision, Integer scale) {
    return new SqlType<>(kind, javaType, length, precision, scale);
  }

  /** The family of this type. */
  public TypeKind kind() {
    return kind;
  }

  /** The Java class of this type's values. */
  public Class<T> javaType() {
    return javaType;
  }

  /** The declared length (String, LargeBinary), or null. */
  public Integer length() {
    return length;
  }

  /** The declared precision (Numeric, DateTime fractional digits), or null. */
  public Integer precision() {
    return precision;
  }

  /** The declared scale (Numeric), or null. */
  public Integer scale() {
    return scale;
  }

  /** The codec used when the dialect has nothing better for this type. */
  public ValueCodec<T> defaultCodec() {
    return StandardCodecs.forType(this);
  }

  /**
   * The codec for this type on {@code dialect} (the dialect's choice for its kind). A type whose
   * values are stored as another type's (the ORM's {@code Instant}, stored as a timestamp with time
   * zone) overrides this to convert around the dialect's codec for that type.
   */
  public ValueCodec<T> codec(org.jalchemy.dialect.Dialect dialect) {
    return dialect.codec(this);
  }

  /** Converts a value the driver handed back (for example a Long where an Integer is wanted). */
  public T coerce(Object value) {
    return StandardCodecs.coerce(this, value);
  }

  /**
   * The type for a Java value bound without a column to say what it is: {@code literal(5)} is an
   * INTEGER, {@code literal("x")} a STRING. Unknown classes get {@link TypeKind#NULL}, which lets the
   * driver decide.
   */
  @SuppressWarnings("unchecked")
  public static <T> SqlType<T> forValue(T value) {
    if (value == null) {
      return (SqlType<T>) Types.NULL;
    }
    return (SqlType<T>) forJavaClass(value.getClass());
  }

  /** The natural SQL type for a Java class, as used for inferred ORM columns. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> SqlType<T> forJavaClass(Class<T> cls) {
    SqlType<?> t;
    if (cls == Integer.class || cls == int.class) {
      t = Types.INTEGER;
    } else if (cls == Long.class || cls == long.class) {
      t = Types.BIG_INTEGER;
    } else if (cls == Short.class || cls == short.class) {
      t = Types.SMALL_INTEGER;
    } else if (cls == String.class) {
      t = Types.STRING;
    } else if (cls == Boolean.class || cls == boolean.class) {
      t = Types.BOOLEAN;
    } else if (cls == BigDecimal.class) {
      t = Types.NUMERIC;
    } else if (cls == Float.class || cls == float.class) {
      t = Types.FLOAT;
    } else if (cls == Double.class || cls == double.class) {
      t = Types.DOUBLE;
    } else if (cls == LocalDate.class) {
      t = Types.DATE;
    } else if (cls == LocalTime.class) {
      t = Types.TIME;
    } else if (cls == LocalDateTime.class) {
      t = Types.DATETIME;
    } else if (cls == OffsetDateTime.class) {
      t = Types.DATETIME_TZ;
    } else if (cls == byte[].class) {
      t = Types.LARGE_BINARY;
    } else if (cls == UUID.class) {
      t = Types.UUID;
    } else if (cls.isEnum()) {
      t = Types.enumOf((Class) cls);
    } else {
      return (SqlType<T>) Types.NULL;
    }
    return (SqlType<T>) t;
  }

  /** Like {@link #forJavaClass} but fails, naming the class, when there is no natural SQL type. */
  public static <T> SqlType<T> requireForJavaClass(Class<T> cls, String where) {
    SqlType<T> t = forJavaClass(cls);
    if (t.kind() == TypeKind.NULL) {
      throw new ArgumentError(
          where + ": no SQL type for Java type " + cls.getName()
              + "; use one of Integer, Long, Short, String, Boolean, BigDecimal, Float, Double, LocalDate,"
              + " LocalTime, LocalDateTime, OffsetDateTime, byte[], UUID or an enum, or name a type explicitly");
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SqlType<?> t
        && t.getClass() == getClass()
        && t.kind == kind
        && t.javaType == javaType
        && Objects.equals(t.length, length)
        && Objects.equals(t.precision, precision)
        && Objects.equals(t.scale, scale);
  }

  @Override
  public int hashCode() {
    // Hashed on every statement execution (types are part of the statement cache key), so kept.
    int h = hash;
    if (h == 0) {
      h = Objects.hash(kind, javaType, length, precision, scale);
      hash = h;
    }
    return h;
  }

  /** The memoised {@link #hashCode()}; 0 until first asked (a benign race: every thread computes the same value). */
  private int hash;

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(kind.name());
    if (length != null) {
      sb.append('(').append(length).append(')');
    } else if (precision != null) {
      sb.append('(').append(precision);
      if (scale != null) {
        sb.append(", ").append(scale);
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
