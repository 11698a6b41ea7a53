package org.jalchemy.sql.elements;

import org.jalchemy.schema.Identifiers;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;

/**
 * {@code expression AS name}. In ORDER BY, a label that is also selected renders as its name.
 *
 * @param <T> the Java type of the labelled expression
 */
public final class Label<T> extends Expression<T> {
  private final Expression<T> element;
  private final String name;

  public Label(Expression<T> element, String name) {
    this.element = element;
    this.name = Identifiers.check(name, "label name");
  }

  public Expression<T> element() {
    return element;
  }

  public String name() {
    return name;
  }

  @Override
  public String keyName() {
    return name;
  }

  @Override
  public SqlType<T> type() {
    return element.type();
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitLabel(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(Label.class).add(name).add(element);
  }
}
