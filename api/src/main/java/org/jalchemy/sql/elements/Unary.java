package org.jalchemy.sql.elements;

import org.jalchemy.sql.Expression;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;

/**
 * {@code NOT x}, {@code -x}, {@code x IS NULL}, {@code EXISTS (…)}, {@code DISTINCT x}.
 *
 * @param <T> the Java type of the result
 */
public final class Unary<T> extends Expression<T> {
  private final Expression<?> operand;
  private final UnaryOperator operator;
  private final SqlType<T> type;

  public Unary(Expression<?> operand, UnaryOperator operator, SqlType<T> type) {
    this.operand = operand;
    this.operator = operator;
    this.type = type;
  }

  public Expression<?> operand() {
    return operand;
  }

  public UnaryOperator operator() {
    return operator;
  }

  @Override
  public SqlType<T> type() {
    return type;
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitUnary(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(Unary.class).add(operator).add(operand);
  }
}
