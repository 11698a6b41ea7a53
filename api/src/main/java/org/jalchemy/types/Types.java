package org.jalchemy.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The generic SQL types, as constants and factories.
 *
 * <pre>{@code
 * import static org.jalchemy.types.Types.*;
 * users.column("id", INTEGER).primaryKey();
 * users.column("name", string(30));
 * users.column("balance", numeric(12, 2));
 * }</pre>
 */
public final class Types {
  private Types() {}

  /** 32-bit integer, {@link Integer}. */
  public static final SqlType<Integer> INTEGER = SqlType.of(TypeKind.INTEGER, Integer.class);
  /** 64-bit integer, {@link Long}. */
  public static final SqlType<Long> BIG_INTEGER = SqlType.of(TypeKind.BIG_INTEGER, Long.class);
  /** 16-bit integer, {@link Short}. */
  public static final SqlType<Short> SMALL_INTEGER = SqlType.of(TypeKind.SMALL_INTEGER, Short.class);
  /** Variable-length string without a declared length (VARCHAR where the database allows, else TEXT). */
  public static final SqlType<String> STRING = SqlType.of(TypeKind.STRING, String.class);
  /** Unbounded text (TEXT, CLOB). */
  public static final SqlType<String> TEXT = SqlType.of(TypeKind.TEXT, String.class);
  /** Boolean (an integer 0/1 where the database has no BOOLEAN). */
  public static final SqlType<Boolean> BOOLEAN = SqlType.of(TypeKind.BOOLEAN, Boolean.class);
  /** Exact decimal without declared precision. */
  public static final SqlType<BigDecimal> NUMERIC = SqlType.of(TypeKind.NUMERIC, BigDecimal.class);
  /** Single-precision floating point. */
  public static final SqlType<Float> FLOAT = SqlType.of(TypeKind.FLOAT, Float.class);
  /** Double-precision floating point. */
  public static final SqlType<Double> DOUBLE = SqlType.of(TypeKind.DOUBLE, Double.class);
  /** Calendar date. */
  public static final SqlType<LocalDate> DATE = SqlType.of(TypeKind.DATE, LocalDate.class);
  /** Time of day with microseconds. */
  public static final SqlType<LocalTime> TIME = SqlType.of(TypeKind.TIME, LocalTime.class);
  /** Timestamp without time zone, microsecond precision. */
  public static final SqlType<LocalDateTime> DATETIME = SqlType.of(TypeKind.DATETIME, LocalDateTime.class);
  /**
   * Timestamp with time zone, microsecond precision. The instant is kept exactly; databases without
   * a zone-aware type (MySQL/MariaDB) store it in UTC and hand it back at offset UTC.
   */
  public static final SqlType<OffsetDateTime> DATETIME_TZ =
      SqlType.of(TypeKind.DATETIME_TZ, OffsetDateTime.class);
  /** Binary data of any size. */
  public static final SqlType<byte[]> LARGE_BINARY = SqlType.of(TypeKind.LARGE_BINARY, byte[].class);
  /** UUID: native where the database has it, else CHAR(36). */
  public static final SqlType<UUID> UUID = SqlType.of(TypeKind.UUID, java.util.UUID.class);
  /** JSON document, held in Java as its text. */
  public static final SqlType<String> JSON = SqlType.of(TypeKind.JSON, String.class);
  /** The type of a value that says nothing more about itself, such as a bare null. */
  public static final SqlType<Object> NULL = SqlType.of(TypeKind.NULL, Object.class);

  /** VARCHAR(length). */
  public static SqlType<String> string(int length) {
    return SqlType.of(TypeKind.STRING, String.class, length, null, null);
  }

  /** NUMERIC(precision, scale); values read back carry this scale. */
  public static SqlType<BigDecimal> numeric(int precision, int scale) {
    return SqlType.of(TypeKind.NUMERIC, BigDecimal.class, null, precision, scale);
  }

  /** Binary with a declared maximum length (VARBINARY where the database has it). */
  public static SqlType<byte[]> largeBinary(int length) {
    return SqlType.of(TypeKind.LARGE_BINARY, byte[].class, length, null, null);
  }

  /** Timestamp, with or without time zone. */
  public static SqlType<?> dateTime(boolean timezone) {
    return timezone ? DATETIME_TZ : DATETIME;
  }

  /** An enum stored by constant name. */
  public static <E extends Enum<E>> EnumType<E> enumOf(Class<E> enumClass) {
    return new EnumType<>(enumClass);
  }
}
