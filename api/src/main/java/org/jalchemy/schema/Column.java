package org.jalchemy.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.NamedColumn;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;

/**
 * A column of a {@link Table}: a typed expression usable in every statement, and the DDL that
 * defines it. Columns are created by their table and configured fluently while the table is being
 * defined:
 *
 * <pre>{@code
 * Table users = metadata.table("user_account");
 * Column<Integer> id = users.column("id", Types.INTEGER).primaryKey();
 * Column<String> name = users.column("name", Types.string(30)).notNull().unique();
 * Column<Integer> userId = addresses.column("user_id", Types.INTEGER).references("user_account.id");
 * }</pre>
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> extends NamedColumn<T> {
  private final Table table;
  private final String name;
  private final SqlType<T> type;
  private boolean primaryKey;
  private Boolean nullable;
  private boolean unique;
  private boolean indexed;
  private Boolean autoincrement;
  private String serverDefault;
  private Supplier<? extends T> defaultValue;
  private final List<ForeignKey> foreignKeys = new ArrayList<>();

  Column(Table table, String name, SqlType<T> type) {
    this.table = table;
    this.name = Identifiers.check(name, "column name");
    this.type = Objects.requireNonNull(type, "type");
  }

  @Override
  public String name() {
    return name;
  }

  /** The table this column belongs to. */
  public Table table() {
    return table;
  }

  @Override
  public FromClause parent() {
    return table;
  }

  @Override
  public SqlType<T> type() {
    return type;
  }

  // ---- definition -------------------------------------------------------------------------

  /** Makes this column (part of) the primary key; primary key columns are NOT NULL. */
  public Column<T> primaryKey() {
    this.primaryKey = true;
    table.onPrimaryKeyChanged();
    return this;
  }

  /** Declares the column NOT NULL. */
  public Column<T> notNull() {
    this.nullable = false;
    return this;
  }

  /** Declares the column's nullability explicitly. */
  public Column<T> nullable(boolean value) {
    this.nullable = value;
    return this;
  }

  /** Adds a single-column UNIQUE constraint. */
  public Column<T> unique() {
    this.unique = true;
    return this;
  }

  /** Adds an index on this column alone, named {@code ix_<table>_<column>} (shortened past 60 characters). */
  public Column<T> index() {
    this.indexed = true;
    return this;
  }

  /**
   * Whether the database generates values for this integer primary key (IDENTITY, SERIAL,
   * AUTO_INCREMENT). By default a single-column integer primary key is autoincrementing.
   */
  public Column<T> autoincrement(boolean value) {
    this.autoincrement = value;
    return this;
  }

  /**
   * A server-side default: the DDL gets {@code DEFAULT <sql>} with {@code sql} written as SQL, for
   * example {@code "0"}, {@code "'new'"} or {@code "CURRENT_TIMESTAMP"}. This is schema text from
   * the application, never user input.
   */
  public Column<T> serverDefault(String sql) {
    this.serverDefault = sql;
    return this;
  }

  /** A Java-side default used by INSERT when no value is given for this column. */
  public Column<T> defaultValue(T value) {
    this.defaultValue = () -> value;
    return this;
  }

  /** A Java-side default computed for each INSERT that gives no value (for example a UUID). */
  public Column<T> defaultValue(Supplier<? extends T> supplier) {
    this.defaultValue = supplier;
    return this;
  }

  /** A foreign key to {@code "table.column"} (or {@code "schema.table.column"}), resolved through the MetaData. */
  public Column<T> references(String target) {
    return references(ForeignKey.to(target));
  }

  /** A foreign key to another column. */
  public Column<T> references(Column<?> target) {
    return references(ForeignKey.to(target));
  }

  /** A foreign key with ON DELETE / ON UPDATE actions, as built by {@link ForeignKey#to}. */
  public Column<T> references(ForeignKey foreignKey) {
    foreignKeys.add(foreignKey.attach(this));
    return this;
  }

  // ---- inspection -------------------------------------------------------------------------

  public boolean isPrimaryKey() {
    return primaryKey;
  }

  /** Nullable unless primary key or declared NOT NULL. */
  public boolean isNullable() {
    return nullable != null ? nullable : !primaryKey;
  }

  public boolean isUnique() {
    return unique;
  }

  public boolean isIndexed() {
    return indexed;
  }

  /** True when the database generates this column's values on INSERT. */
  public boolean isAutoincrement() {
    if (autoincrement != null) {
      return autoincrement && primaryKey;
    }
    return primaryKey
        && table.primaryKeyColumns().size() == 1
        && switch (type.kind()) {
          case INTEGER, BIG_INTEGER, SMALL_INTEGER -> true;
          default -> false;
        };
  }

  /** The server default SQL, or null. */
  public String serverDefault() {
    return serverDefault;
  }

  /** The Java-side default, or null. */
  public Supplier<? extends T> defaultValue() {
    return defaultValue;
  }

  /** The foreign keys declared on this column. */
  public List<ForeignKey> foreignKeys() {
    return List.copyOf(foreignKeys);
  }

  /** True when one of this column's foreign keys points at {@code target}. */
  public boolean referencesColumn(Column<?> target) {
    for (ForeignKey fk : foreignKeys) {
      if (fk.column() == target) {
        return true;
      }
    }
    return false;
  }

  static void requireSameTable(Table table, Column<?> c) {
    if (c.table != table) {
      throw new ArgumentError("column " + c + " does not belong to table " + table.fullName());
    }
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitNamedColumn(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.token(this);
  }
}
