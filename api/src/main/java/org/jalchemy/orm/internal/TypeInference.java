package org.jalchemy.orm.internal;

import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import org.jalchemy.orm.ColumnType;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.MappingError.Kind;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.TypeKind;
import org.jalchemy.types.Types;

/** The column type of a field: from its Java type, refined or overridden by {@code @MappedColumn}. */
public final class TypeInference {
  static final String SUPPORTED =
      "Integer/int, Long/long, Short/short, String, Boolean/boolean, BigDecimal, Double/double, Float/float,"
          + " LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, UUID, byte[] or an enum";

  private TypeInference() {}

  /** The SQL type for {@code field}, whose annotation may be null. */
  public static SqlType<?> typeOf(Class<?> owner, Field field, MappedColumn ann) {
    Class<?> javaType = boxed(field.getType());
    ColumnType override = ann == null ? ColumnType.INFERRED : ann.type();
    SqlType<?> type = override == ColumnType.INFERRED ? natural(javaType) : explicit(override, javaType);
    if (type == null) {
      if (override != ColumnType.INFERRED) {
        throw new MappingError(Kind.BAD_COLUMN_OPTION, owner, field.getName(),
            "type = " + override + " does not hold values of the field's type " + field.getType().getSimpleName(),
            "declare the field with the Java type of " + override + " or drop the type option");
      }
      throw new MappingError(Kind.UNSUPPORTED_TYPE, owner, field.getName(),
          "no column type for Java type " + field.getGenericType().getTypeName(),
          "use one of " + SUPPORTED + "; or mark the field transient; or, for a link to another mapped class, "
              + "annotate that class with @Tablename");
    }
    return ann == null ? type : refine(owner, field, ann, type);
  }

  private static SqlType<?> natural(Class<?> javaType) {
    if (javaType == Instant.class) {
      return InstantType.INSTANCE;
    }
    SqlType<?> t = SqlType.forJavaClass(javaType);
    return t.kind() == TypeKind.NULL ? null : t;
  }

  private static SqlType<?> explicit(ColumnType override, Class<?> javaType) {
    SqlType<?> t =
        switch (override) {
          case INFERRED -> natural(javaType);
          case INTEGER -> Types.INTEGER;
          case BIG_INTEGER -> Types.BIG_INTEGER;
          case SMALL_INTEGER -> Types.SMALL_INTEGER;
          case STRING -> Types.STRING;
          case TEXT -> Types.TEXT;
          case JSON -> Types.JSON;
          case BOOLEAN -> Types.BOOLEAN;
          case NUMERIC -> Types.NUMERIC;
          case FLOAT -> Types.FLOAT;
          case DOUBLE -> Types.DOUBLE;
          case DATE -> Types.DATE;
          case TIME -> Types.TIME;
          case DATETIME -> Types.DATETIME;
          case DATETIME_TZ -> javaType == Instant.class ? InstantType.INSTANCE : Types.DATETIME_TZ;
          case LARGE_BINARY -> Types.LARGE_BINARY;
          case UUID -> Types.UUID;
        };
    return t != null && t.javaType() == javaType ? t : null;
  }

  /** Applies length, precision and scale. */
  private static SqlType<?> refine(Class<?> owner, Field field, MappedColumn ann, SqlType<?> type) {
    if (ann.length() > 0) {
      if (type.kind() == TypeKind.STRING) {
        return Types.string(ann.length());
      }
      if (type.kind() == TypeKind.LARGE_BINARY) {
        return Types.largeBinary(ann.length());
      }
      throw new MappingError(Kind.BAD_COLUMN_OPTION, owner, field.getName(),
          "length = " + ann.length() + " applies to String and byte[] columns, not to " + type,
          "remove the length option");
    }
    if (ann.precision() > 0) {
      if (type.kind() == TypeKind.NUMERIC && type.javaType() == BigDecimal.class) {
        return Types.numeric(ann.precision(), ann.scale());
      }
      throw new MappingError(Kind.BAD_COLUMN_OPTION, owner, field.getName(),
          "precision = " + ann.precision() + " applies to BigDecimal (NUMERIC) columns, not to " + type,
          "remove the precision and scale options");
    }
    return type;
  }

  static Class<?> boxed(Class<?> c) {
    return c.isPrimitive() ? MethodType.methodType(c).wrap().returnType() : c;
  }
}
