package org.jalchemy.sql.elements;

import org.jalchemy.sql.Expression;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;

/**
 * {@code CAST(expression AS type)}, the type named as the dialect names it.
 *
 * @param <T> the Java type after the cast
 */
public final class Cast<T> extends Expression<T> {
  private final Expression<?> element;
  private final SqlType<T> type;

  public Cast(Expression<?> element, SqlType<T> type) {
    this.element = element;
    this.type = type;
  }

  public Expression<?> element() {
    return element;
  }

  @Override
  public String keyName() {
    return element.keyName();
  }

  @Override
  public SqlType<T> type() {
    return type;
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitCast(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(Cast.class).add(type).add(element);
  }
}
