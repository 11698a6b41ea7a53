package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.elements.BindParameter;

/**
 * What INSERT, UPDATE and DELETE share: a target table and an optional RETURNING list.
 *
 * @param <T> the Java type of the first RETURNING column ({@code Object} without RETURNING)
 */
public abstract class DmlStatement<T> extends Statement<T> {
  protected final Table table;
  protected List<Expression<?>> returning = List.of();
  /** The mapped class of an ORM-enabled statement ({@code insert(User.class)}), or null for Core. */
  protected Class<?> entity;

  protected DmlStatement(Table table) {
    this.table = table;
  }

  /** The target table. */
  public Table table() {
    return table;
  }

  /**
   * The mapped class this statement was made for ({@code insert(User.class)}): a Session runs it as
   * an ORM bulk or synchronized operation. Null for a Core statement on a table.
   */
  public Class<?> entity() {
    return entity;
  }

  /** The RETURNING columns; empty when none were asked for. */
  public List<Expression<?>> returningColumns() {
    return returning;
  }

  /** Resolves a {@code Map<String|Column, value>} of values into column → expression. */
  protected Map<Column<?>, Expression<?>> resolveValues(Map<?, ?> values) {
    Map<Column<?>, Expression<?>> resolved = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : values.entrySet()) {
      Column<?> col = resolveColumn(e.getKey());
      resolved.put(col, asExpression(col, e.getValue()));
    }
    return resolved;
  }

  /** A column of the target table, given as a Column or by name. */
  protected Column<?> resolveColumn(Object key) {
    if (key instanceof NamedColumn<?> n && !(key instanceof Column<?>) && n.origin() instanceof Column<?> origin) {
      key = origin; // a metamodel attribute (User_.name) stands for its column
    }
    if (key instanceof Column<?> c) {
      if (c.table() != table) {
        throw new ArgumentError(c + " is not a column of " + table.describe());
      }
      return c;
    }
    if (key instanceof String name) {
      for (Column<?> c : table.columns()) {
        if (c.name().equals(name)) {
          return c;
        }
      }
      throw new ArgumentError(
          "unconsumed column name '" + name + "': " + table.describe() + " has columns "
              + table.columns().stream().map(Column::name).toList());
    }
    throw new ArgumentError("values are keyed by column name or Column, not " + key);
  }

  @SuppressWarnings("unchecked")
  protected static <V> Expression<?> asExpression(Column<V> col, Object value) {
    if (value instanceof Expression<?> e) {
      return e;
    }
    return BindParameter.of(col.type().coerce(value), col.type());
  }

  protected static List<Expression<?>> copyPlus(List<Expression<?>> list, List<? extends Expression<?>> more) {
    List<Expression<?>> all = new ArrayList<>(list);
    all.addAll(more);
    return List.copyOf(all);
  }
}
