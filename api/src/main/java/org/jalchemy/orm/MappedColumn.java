package org.jalchemy.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;

/**
 * What a field's Java type cannot say about its column. Fields without it are columns too; this
 * annotation only adds to what is inferred (see {@code docs/orm-mapping.md}).
 *
 * <pre>{@code
 * @MappedColumn(primaryKey = true) private Integer id;
 * @MappedColumn(length = 30, unique = true) @Nonnull private String name;
 * @MappedColumn(foreignKey = "user_account.id", onDelete = OnDelete.CASCADE) private Integer userId;
 * @MappedColumn(defaultValue = "new", serverDefault = "'new'") private String status;
 * @MappedColumn(version = true) private int version;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface MappedColumn {
  /** The column's name; empty for the field's name in snake_case ({@code emailAddress} → {@code email_address}). */
  String name() default "";

  /** Part of the primary key (several fields make a composite key). Primary key columns are NOT NULL. */
  boolean primaryKey() default false;

  /**
   * Whether the database generates the key (IDENTITY, SERIAL, AUTO_INCREMENT). {@code AUTO}: a
   * single integer primary key is generated, anything else is not.
   */
  Autoincrement autoincrement() default Autoincrement.AUTO;

  /** The length of a String column ({@code VARCHAR(length)}); 0 for the dialect's default. */
  int length() default 0;

  /** The precision of a NUMERIC column; 0 for the dialect's default. */
  int precision() default 0;

  /** The scale of a NUMERIC column (used with {@link #precision()}). */
  int scale() default 0;

  /** Adds a single-column UNIQUE constraint. */
  boolean unique() default false;

  /** Adds an index on this column, named {@code ix_<table>_<column>}. */
  boolean index() default false;

  /**
   * {@code false} makes the column NOT NULL. Primitive fields, primary keys and fields annotated
   * {@code jakarta.annotation.Nonnull} are NOT NULL whatever this says.
   */
  boolean nullable() default true;

  /** A foreign key to {@code "table.column"} (or {@code "schema.table.column"}) of the same base. */
  String foreignKey() default "";

  /** The foreign key's ON DELETE action. */
  OnDelete onDelete() default OnDelete.NONE;

  /** A SQL default written into the DDL, as SQL text: {@code "0"}, {@code "'new'"}, {@code "CURRENT_TIMESTAMP"}. */
  String serverDefault() default "";

  /**
   * The Java-side default as text, converted once to the field's type ({@code "42"}, {@code "true"},
   * {@code "NEW"} for an enum, ISO text for dates and times): used when an INSERT gives no value.
   */
  String defaultValue() default "";

  /**
   * A Java-side default computed per INSERT: a class with a no-argument constructor implementing
   * {@code Supplier} of the field's type, for example one returning {@code UUID.randomUUID()}.
   */
  @SuppressWarnings("rawtypes")
  Class<? extends Supplier> defaultFactory() default Supplier.class;

  /** An explicit column type; {@link ColumnType#INFERRED} takes it from the field's Java type. */
  ColumnType type() default ColumnType.INFERRED;

  /**
   * The optimistic concurrency counter (an int, Integer, long or Long): the Session checks it in
   * UPDATE and DELETE and increments it. At most one per class.
   */
  boolean version() default false;

  /** Whether the database generates values for a primary key column. */
  enum Autoincrement {
    AUTO,
    TRUE,
    FALSE
  }
}
