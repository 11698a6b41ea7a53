package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.sql.elements.BindParameter;

/**
 * {@code INSERT INTO table (…) VALUES (…)}: one row, many rows (multi-row VALUES), or the rows of a
 * SELECT; with RETURNING where the database has it.
 *
 * <pre>{@code
 * conn.execute(insert(users).values(Map.of("name", "spongebob", "fullname", "Spongebob Squarepants")));
 * conn.execute(insert(users), List.of(Map.of("name", "sandy"), Map.of("name", "patrick")));   // executemany
 * Integer id = conn.execute(insert(users).value(users.name, "squidward").returning(users.id)).scalarOne();
 * }</pre>
 *
 * @param <T> the Java type of the first RETURNING column
 */
public final class Insert<T> extends DmlStatement<T> {
  private List<Map<Column<?>, Expression<?>>> rows = List.of();
  private List<Column<?>> fromSelectColumns;
  private SelectBase<?> fromSelect;
  private OnConflict onConflict;
  private boolean generatedKeys;

  public Insert(Table table) {
    super(table);
  }

  private Insert<T> copy() {
    Insert<T> i = new Insert<>(table);
    i.rows = rows;
    i.fromSelectColumns = fromSelectColumns;
    i.fromSelect = fromSelect;
    i.onConflict = onConflict;
    i.returning = returning;
    i.options = options;
    i.entity = entity;
    i.generatedKeys = generatedKeys;
    return i;
  }

  /**
   * This insert run as an executemany also fetches the key the database generates for every row
   * ({@code CursorResult.insertedPrimaryKeyRows()}), where the driver can report them. On
   * PostgreSQL, MariaDB and H2 the rows then go 1,000 per {@code INSERT … VALUES (…), (…) RETURNING
   * key} ("insertmanyvalues"); on SQLite as the driver's batch. Off by default, as a key costs
   * work the caller may not need.
   *
   * <pre>{@code
   * List<List<Object>> keys = conn.execute(insert(users).withGeneratedKeys(), rows).insertedPrimaryKeyRows();
   * }</pre>
   */
  public Insert<T> withGeneratedKeys() {
    Insert<T> i = copy();
    i.generatedKeys = true;
    return i;
  }

  /** Whether {@link #withGeneratedKeys()} asked for every row's key. */
  public boolean wantsGeneratedKeys() {
    return generatedKeys;
  }

  /** This statement made for a mapped class (see {@link #entity()}); used by {@code Jalchemy.insert(User.class)}. */
  public Insert<T> forEntity(Class<?> mappedClass) {
    Insert<T> copy = copy();
    copy.entity = mappedClass;
    return copy;
  }

  /** The values of one row, keyed by column name or {@link Column}. */
  public Insert<T> values(Map<?, ?> values) {
    Insert<T> i = copy();
    Map<Column<?>, Expression<?>> row = resolveValues(values);
    if (!rows.isEmpty()) { // values() again: the earlier values first, the new ones win
      Map<Column<?>, Expression<?>> merged = new LinkedHashMap<>(rows.get(0));
      merged.putAll(row);
      row = merged;
    }
    i.rows = List.of(row);
    return i;
  }

  /** One typed value of the row. */
  public <V> Insert<T> value(Column<V> column, V value) {
    return values(Map.of(column, value == null ? BindParameter.of(null, column.type()) : value));
  }

  /** One value given as an expression (a function, a scalar subquery). */
  public <V> Insert<T> value(Column<V> column, Expression<? extends V> value) {
    return values(Map.of(column, value));
  }

  /**
   * Several rows in one statement: {@code INSERT … VALUES (…), (…), …}. All rows must name the
   * same columns.
   */
  public Insert<T> values(List<? extends Map<?, ?>> manyRows) {
    if (manyRows.isEmpty()) {
      throw new ArgumentError("insert(" + table.fullName() + ").values(list) needs at least one row");
    }
    List<Map<Column<?>, Expression<?>>> resolved = new ArrayList<>();
    for (Map<?, ?> r : manyRows) {
      Map<Column<?>, Expression<?>> row = resolveValues(r);
      if (!resolved.isEmpty() && !row.keySet().equals(resolved.get(0).keySet())) {
        throw new ArgumentError(
            "multi-row insert into " + table.fullName() + ": every row must name the same columns; row "
                + (resolved.size() + 1) + " has " + names(row) + " where row 1 has " + names(resolved.get(0)));
      }
      resolved.add(row);
    }
    Insert<T> i = copy();
    i.rows = List.copyOf(resolved);
    return i;
  }

  private static List<String> names(Map<Column<?>, Expression<?>> row) {
    return row.keySet().stream().map(Column::name).toList();
  }

  /** {@code INSERT INTO table (columns) SELECT …}. */
  public Insert<T> fromSelect(List<Column<?>> columns, SelectBase<?> select) {
    Insert<T> i = copy();
    for (Column<?> c : columns) {
      resolveColumn(c);
    }
    i.fromSelectColumns = List.copyOf(columns);
    i.fromSelect = select;
    return i;
  }

  /**
   * Upsert that keeps the existing row: {@code ON CONFLICT (keys) DO NOTHING} (PostgreSQL, SQLite);
   * on MySQL/MariaDB an {@code ON DUPLICATE KEY UPDATE} that changes nothing. H2 has no such clause.
   */
  public Insert<T> onConflictDoNothing(Column<?>... keys) {
    Insert<T> i = copy();
    i.onConflict = new OnConflict(Arrays.asList(keys), Map.of());
    return i;
  }

  /**
   * Upsert that updates the existing row: {@code ON CONFLICT (keys) DO UPDATE SET …} (PostgreSQL,
   * SQLite) or {@code ON DUPLICATE KEY UPDATE …} (MySQL/MariaDB, which match any unique key).
   * Values are keyed by column name or {@link Column}; use {@link #excluded} for the value the row
   * tried to insert.
   */
  public Insert<T> onConflictDoUpdate(List<Column<?>> keys, Map<?, ?> set) {
    if (keys.isEmpty() || set.isEmpty()) {
      throw new ArgumentError(
          "onConflictDoUpdate on " + table.fullName() + " needs the conflicting key columns and at least one SET value");
    }
    for (Column<?> k : keys) {
      resolveColumn(k);
    }
    Insert<T> i = copy();
    i.onConflict = new OnConflict(keys, resolveValues(set));
    return i;
  }

  /** The value the INSERT proposed for {@code column}, for use in {@link #onConflictDoUpdate}. */
  public static <V> Expression<V> excluded(Column<V> column) {
    return new Excluded<>(column);
  }

  /** The upsert clause, or null. */
  public OnConflict onConflict() {
    return onConflict;
  }

  /** {@code RETURNING first, more…}. */
  public <R> Insert<R> returning(Expression<R> first, Expression<?>... more) {
    @SuppressWarnings("unchecked")
    Insert<R> i = (Insert<R>) copy();
    List<Expression<?>> r = new ArrayList<>();
    r.add(first);
    r.addAll(Arrays.asList(more));
    i.returning = List.copyOf(r);
    return i;
  }

  /**
   * This insert with a named parameter for each of {@code keys} (column names): the form run once
   * per parameter set by executemany.
   */
  public Insert<T> withParameterKeys(Iterable<String> keys) {
    Map<Column<?>, Expression<?>> row = new LinkedHashMap<>();
    for (String k : keys) {
      Column<?> c = resolveColumn(k);
      row.put(c, BindParameter.named(k, c.type()));
    }
    Insert<T> i = copy();
    i.rows = List.of(row);
    return i;
  }

  /** This insert with other execution options. */
  public Insert<T> executionOptions(ExecutionOptions newOptions) {
    Insert<T> i = copy();
    i.options = newOptions;
    return i;
  }

  /** The rows of VALUES (one for a single-row insert); empty for INSERT … SELECT or DEFAULT VALUES. */
  public List<Map<Column<?>, Expression<?>>> rows() {
    return rows;
  }

  /** The columns of INSERT … SELECT, or null. */
  public List<Column<?>> fromSelectColumns() {
    return fromSelectColumns;
  }

  /** The SELECT of INSERT … SELECT, or null. */
  public SelectBase<?> fromSelect() {
    return fromSelect;
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitInsert(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(Insert.class).add(table).add(rows.size());
    for (Map<Column<?>, Expression<?>> row : rows) {
      for (Map.Entry<Column<?>, Expression<?>> e : row.entrySet()) {
        key.add(e.getKey()).add(e.getValue());
      }
    }
    if (fromSelect != null) {
      key.addAll(fromSelectColumns).add(fromSelect);
    }
    key.add(onConflict).addAll(returning);
  }
}
