package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.schema.Identifiers;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;

/**
 * A SELECT in a FROM clause: {@code (SELECT …) AS name}. Its columns are reached through the
 * expressions the inner SELECT selected, keeping their Java types:
 *
 * <pre>{@code
 * Subquery counts = select(addresses.userId, func.count().label("n")).groupBy(addresses.userId).subquery("counts");
 * select(users.name, counts.c("n")).join(counts, users.id.eq(counts.c(addresses.userId)));
 * }</pre>
 */
public class Subquery extends FromClause {
  private final SelectBase<?> select;
  private final String name;
  private final List<DerivedColumn<?>> columns;

  /** A subquery; a null name gets an anonymous one ({@code anon_1}, …) when compiled. */
  public Subquery(SelectBase<?> select, String name) {
    this.select = select;
    this.name = name == null ? null : Identifiers.check(name, "subquery name");
    this.columns = deriveColumns(select.selectedExpressions());
  }

  private List<DerivedColumn<?>> deriveColumns(List<Expression<?>> exprs) {
    List<DerivedColumn<?>> cols = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int i = 0;
    for (Expression<?> e : exprs) {
      i++;
      String key = e.keyName() != null ? e.keyName() : "_col" + i;
      if (!seen.add(key)) {
        key = key + "_" + i;
      }
      cols.add(derive(e, key));
    }
    return List.copyOf(cols);
  }

  private <T> DerivedColumn<T> derive(Expression<T> e, String key) {
    return new DerivedColumn<>(this, key, e.type(), e);
  }

  /** The inner statement. */
  public SelectBase<?> element() {
    return select;
  }

  /** The name, or null when anonymous. */
  public String name() {
    return name;
  }

  /** The subquery's column for an expression the inner SELECT selected. */
  @SuppressWarnings("unchecked")
  public <T> DerivedColumn<T> c(Expression<T> selected) {
    for (DerivedColumn<?> d : columns) {
      if (d.origin() == selected || (d.origin() instanceof NamedColumn<?> n && n.origin() == selected)) {
        return (DerivedColumn<T>) d;
      }
    }
    throw new ArgumentError(
        selected + " is not selected by subquery " + describe() + "; its columns are "
            + columns.stream().map(DerivedColumn::name).toList());
  }

  @Override
  public List<DerivedColumn<?>> columns() {
    return columns;
  }

  @Override
  public String describe() {
    return "subquery " + (name == null ? "(anonymous)" : name);
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitSubquery(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    if (key.reference(this)) {
      return;
    }
    key.add(getClass()).add(name).add(select);
  }
}
