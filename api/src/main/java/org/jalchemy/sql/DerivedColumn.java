package org.jalchemy.sql;

import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;

/**
 * A column of an alias, subquery or CTE, as {@code subq.c(users.name)} hands it out.
 *
 * @param <T> the Java type of the column's values
 */
public final class DerivedColumn<T> extends NamedColumn<T> {
  private final FromClause parent;
  private final String name;
  private final SqlType<T> type;
  private final Expression<?> origin;

  public DerivedColumn(FromClause parent, String name, SqlType<T> type, Expression<?> origin) {
    this.parent = parent;
    this.name = name;
    this.type = type;
    this.origin = origin;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FromClause parent() {
    return parent;
  }

  @Override
  public Expression<?> origin() {
    return origin;
  }

  @Override
  public SqlType<T> type() {
    return type;
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitNamedColumn(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(DerivedColumn.class).add(name).add(parent);
  }
}
