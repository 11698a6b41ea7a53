package org.jalchemy.sql.elements;

import org.jalchemy.sql.Expression;
import org.jalchemy.sql.SelectBase;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;

/**
 * A SELECT used as a value: {@code (SELECT max(x) FROM t WHERE t.k = outer.k)}. Tables of the
 * enclosing query are correlated (left out of the inner FROM) automatically.
 *
 * @param <T> the Java type of the selected column
 */
public final class ScalarSelect<T> extends Expression<T> {
  private final SelectBase<T> select;
  private final SqlType<T> type;

  public ScalarSelect(SelectBase<T> select, SqlType<T> type) {
    this.select = select;
    this.type = type;
  }

  public SelectBase<T> select() {
    return select;
  }

  @Override
  public SqlType<T> type() {
    return type;
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitScalarSelect(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(ScalarSelect.class).add(select);
  }
}
