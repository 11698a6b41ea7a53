package org.jalchemy.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.TableAlias;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;

/**
 * A database table: its columns, keys, constraints and indexes, registered in a {@link MetaData}.
 *
 * <pre>{@code
 * MetaData metadata = new MetaData();
 * Table users = metadata.table("user_account");
 * Column<Integer> id = users.column("id", Types.INTEGER).primaryKey();
 * Column<String> name = users.column("name", Types.string(30));
 * metadata.createAll(engine);
 * }</pre>
 */
public final class Table extends FromClause {
  private final MetaData metadata;
  private final String name;
  private final String schema;
  private final Map<String, Column<?>> columns = new LinkedHashMap<>();
  private final List<ForeignKeyConstraint> compositeForeignKeys = new ArrayList<>();
  private final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
  private final List<CheckConstraint> checkConstraints = new ArrayList<>();
  private final List<Index> indexes = new ArrayList<>();
  private List<Column<?>> primaryKey = List.of();

  Table(MetaData metadata, String name, String schema) {
    this.metadata = metadata;
    this.name = Identifiers.check(name, "table name");
    this.schema = schema == null ? null : Identifiers.check(schema, "schema name");
  }

  /** Adds a column. Names must be unique within the table. */
  public <T> Column<T> column(String columnName, SqlType<T> type) {
    if (columns.containsKey(columnName)) {
      throw new ArgumentError("table " + fullName() + " already has a column '" + columnName + "'");
    }
    Column<T> c = new Column<>(this, columnName, type);
    columns.put(columnName, c);
    columnList = null;
    return c;
  }

  /** Adds {@code UNIQUE (columns…)}. */
  public Table unique(String constraintName, Column<?>... cols) {
    for (Column<?> c : cols) {
      Column.requireSameTable(this, c);
    }
    requireColumns(cols, "unique constraint");
    uniqueConstraints.add(new UniqueConstraint(optionalName(constraintName), Arrays.asList(cols)));
    return this;
  }

  /** Adds {@code CHECK (sql)}; the condition is application-written schema text. */
  public Table check(String constraintName, String sql) {
    if (sql == null || sql.isBlank()) {
      throw new ArgumentError("check constraint on " + fullName() + " needs a condition, for example \"quantity >= 0\"");
    }
    checkConstraints.add(new CheckConstraint(optionalName(constraintName), sql));
    return this;
  }

  /** Adds an index. */
  public Table index(String indexName, boolean unique, Column<?>... cols) {
    for (Column<?> c : cols) {
      Column.requireSameTable(this, c);
    }
    requireColumns(cols, "index " + indexName);
    indexes.add(new Index(indexName, this, Arrays.asList(cols), unique));
    return this;
  }

  /** Adds a composite foreign key: {@code columns[i]} references {@code targets[i]}. */
  public Table foreignKey(String constraintName, List<Column<?>> cols, List<String> targets,
      ForeignKey.Action onDelete) {
    return foreignKey(constraintName, cols, targets, onDelete, null);
  }

  /**
   * Adds a composite foreign key with ON DELETE and ON UPDATE actions (either may be null):
   *
   * <pre>{@code
   * lines.foreignKey("fk_line_order", List.of(orderRegion, orderNo), List.of("orders.region", "orders.no"),
   *     ForeignKey.Action.CASCADE, ForeignKey.Action.CASCADE);
   * }</pre>
   */
  public Table foreignKey(String constraintName, List<Column<?>> cols, List<String> targets,
      ForeignKey.Action onDelete, ForeignKey.Action onUpdate) {
    if (cols.size() != targets.size() || cols.isEmpty()) {
      throw new ArgumentError(
          "composite foreign key on " + fullName() + " needs as many target columns as columns, got "
              + cols.size() + " and " + targets.size());
    }
    List<ForeignKey> elements = new ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      Column.requireSameTable(this, cols.get(i));
      elements.add(ForeignKey.to(targets.get(i)).onDelete(onDelete).onUpdate(onUpdate).attach(cols.get(i)));
    }
    compositeForeignKeys.add(new ForeignKeyConstraint(optionalName(constraintName), elements));
    return this;
  }

  /** {@code table AS alias}: the same table under another name, for self-joins. */
  public TableAlias alias(String aliasName) {
    return new TableAlias(this, aliasName);
  }

  private static String optionalName(String constraintName) {
    return constraintName == null ? null : Identifiers.check(constraintName, "constraint name");
  }

  private void requireColumns(Column<?>[] cols, String what) {
    if (cols.length == 0) {
      throw new ArgumentError(what + " on " + fullName() + " needs at least one column");
    }
  }

  void onPrimaryKeyChanged() {
    primaryKey = columns.values().stream().filter(Column::isPrimaryKey).<Column<?>>map(c -> c).toList();
  }

  // ---- inspection -------------------------------------------------------------------------

  /** The table's name. */
  public String name() {
    return name;
  }

  /** The schema, or null for the connection's default schema. */
  public String schema() {
    return schema;
  }

  /** {@code schema.name}, or {@code name} without a schema: the key in {@link MetaData#tables()}. */
  public String fullName() {
    return schema == null ? name : schema + "." + name;
  }

  /** The MetaData this table is registered in. */
  public MetaData metadata() {
    return metadata;
  }

  @Override
  public List<Column<?>> columns() {
    // Asked on every INSERT and flush: the copy is made once per change of the table's columns.
    List<Column<?>> list = columnList;
    if (list == null) {
      list = List.copyOf(columns.values());
      columnList = list;
    }
    return list;
  }

  /** {@link #columns()} as last copied; null after a column was added. */
  private volatile List<Column<?>> columnList;

  /** The primary key columns in table order. */
  public List<Column<?>> primaryKeyColumns() {
    return primaryKey;
  }

  /** All foreign key constraints: one per column-level foreign key, plus composite ones. */
  public List<ForeignKeyConstraint> foreignKeyConstraints() {
    List<ForeignKeyConstraint> all = new ArrayList<>();
    for (Column<?> c : columns.values()) {
      for (ForeignKey fk : c.foreignKeys()) {
        all.add(new ForeignKeyConstraint(fk.name(), List.of(fk)));
      }
    }
    all.addAll(compositeForeignKeys);
    return all;
  }

  /** UNIQUE constraints over several columns (single-column ones are on the columns). */
  public List<UniqueConstraint> uniqueConstraints() {
    return List.copyOf(uniqueConstraints);
  }

  public List<CheckConstraint> checkConstraints() {
    return List.copyOf(checkConstraints);
  }

  /**
   * Indexes: declared ones and those of columns marked {@code index()}, named
   * {@code ix_<table>_<column>} (shortened with a hash past 60 characters).
   */
  public List<Index> indexes() {
    List<Index> all = new ArrayList<>(indexes);
    for (Column<?> c : columns.values()) {
      if (c.isIndexed()) {
        all.add(new Index(Identifiers.shorten("ix_" + name + "_" + c.name(), 60), this, List.of(c), false));
      }
    }
    return all;
  }

  @Override
  public String describe() {
    return "table " + fullName();
  }

  @Override
  public String toString() {
    return "Table(" + fullName() + ")";
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitTable(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.token(this);
  }
}
