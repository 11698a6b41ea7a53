package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.sql.elements.BindParameter;
import org.jalchemy.sql.elements.BooleanClauseList;

/**
 * {@code UPDATE table SET … WHERE … [RETURNING …]}.
 *
 * <pre>{@code
 * conn.execute(update(users).set(users.fullname, "Patrick Star").where(users.name.eq("patrick")));
 * conn.execute(update(users).set(users.id, users.id.plus(100)));
 * }</pre>
 *
 * @param <T> the Java type of the first RETURNING column
 */
public final class Update<T> extends DmlStatement<T> {
  private Map<Column<?>, Expression<?>> values = Map.of();
  private List<Expression<Boolean>> where = List.of();

  public Update(Table table) {
    super(table);
  }

  private Update<T> copy() {
    Update<T> u = new Update<>(table);
    u.values = values;
    u.where = where;
    u.returning = returning;
    u.options = options;
    u.entity = entity;
    return u;
  }

  /** This statement made for a mapped class (see {@link #entity()}); used by {@code Jalchemy.update(User.class)}. */
  public Update<T> forEntity(Class<?> mappedClass) {
    Update<T> copy = copy();
    copy.entity = mappedClass;
    return copy;
  }

  /** SET values keyed by column name or {@link Column}. */
  public Update<T> values(Map<?, ?> newValues) {
    Update<T> u = copy();
    Map<Column<?>, Expression<?>> all = new LinkedHashMap<>(values);
    all.putAll(resolveValues(newValues));
    u.values = all;
    return u;
  }

  /** {@code SET column = value}. */
  public <V> Update<T> set(Column<V> column, V value) {
    Map<Column<?>, Expression<?>> one = new LinkedHashMap<>();
    one.put(column, BindParameter.of(value, column.type()));
    return values(one);
  }

  /** {@code SET column = expression}. */
  public <V> Update<T> set(Column<V> column, Expression<? extends V> value) {
    return values(Map.of(column, value));
  }

  /** Adds a literal SQL criterion, as {@link Select#where(TextClause)}. */
  public Update<T> where(TextClause criterion) {
    return where(criterion.asCriterion());
  }

  /** Adds WHERE criteria, joined with AND. */
  @SafeVarargs
  public final Update<T> where(Expression<Boolean>... criteria) {
    Update<T> u = copy();
    List<Expression<Boolean>> w = new ArrayList<>(where);
    w.addAll(Arrays.asList(criteria));
    u.where = List.copyOf(w);
    return u;
  }

  /** {@code RETURNING first, more…} (PostgreSQL, SQLite, MariaDB has none for UPDATE). */
  public <R> Update<R> returning(Expression<R> first, Expression<?>... more) {
    @SuppressWarnings("unchecked")
    Update<R> u = (Update<R>) copy();
    List<Expression<?>> r = new ArrayList<>();
    r.add(first);
    r.addAll(Arrays.asList(more));
    u.returning = List.copyOf(r);
    return u;
  }

  /** This update with a named parameter {@code :key} in SET for each of the column names in {@code keys}. */
  public Update<T> withParameterKeys(Iterable<String> keys) {
    Map<Column<?>, Expression<?>> all = new LinkedHashMap<>(values);
    for (String k : keys) {
      Column<?> c = resolveColumn(k);
      all.put(c, BindParameter.named(k, c.type()));
    }
    Update<T> u = copy();
    u.values = all;
    return u;
  }

  /** This update with other execution options. */
  public Update<T> executionOptions(ExecutionOptions newOptions) {
    Update<T> u = copy();
    u.options = newOptions;
    return u;
  }

  /** The SET values. */
  public Map<Column<?>, Expression<?>> values() {
    return values;
  }

  /** The WHERE criteria combined with AND, or null. */
  public Expression<Boolean> whereClause() {
    return where.isEmpty() ? null : BooleanClauseList.and(where);
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitUpdate(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(Update.class).add(table).add(values.size());
    for (Map.Entry<Column<?>, Expression<?>> e : values.entrySet()) {
      key.add(e.getKey()).add(e.getValue());
    }
    key.addAll(where).addAll(returning);
  }
}
