package org.jalchemy.orm;

/**
 * An explicit column type for {@link MappedColumn#type()}, when the field's Java type alone does not
 * say enough: {@code TEXT} instead of {@code VARCHAR} for a String, {@code JSON} for a String holding
 * JSON, {@code DATETIME_TZ} for a timestamp with time zone. {@link #INFERRED} (the default) takes the
 * type from the field's Java type. Lengths, precision and scale come from the annotation's
 * {@code length}, {@code precision} and {@code scale}.
 *
 * <pre>{@code
 * @MappedColumn(type = ColumnType.TEXT) private String body;
 * @MappedColumn(precision = 10, scale = 2) private BigDecimal price;   // NUMERIC(10, 2), inferred
 * }</pre>
 */
public enum ColumnType {
  INFERRED,
  INTEGER,
  BIG_INTEGER,
  SMALL_INTEGER,
  STRING,
  TEXT,
  JSON,
  BOOLEAN,
  NUMERIC,
  FLOAT,
  DOUBLE,
  DATE,
  TIME,
  DATETIME,
  DATETIME_TZ,
  LARGE_BINARY,
  UUID
}
