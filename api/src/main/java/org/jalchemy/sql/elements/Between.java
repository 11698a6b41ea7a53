package org.jalchemy.sql.elements;

import org.jalchemy.sql.Expression;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.Types;

/** {@code x [NOT] BETWEEN low AND high}. */
public final class Between extends Expression<Boolean> {
  private final Expression<?> operand;
  private final Expression<?> low;
  private final Expression<?> high;
  private final boolean negated;

  public Between(Expression<?> operand, Expression<?> low, Expression<?> high, boolean negated) {
    this.operand = operand;
    this.low = low;
    this.high = high;
    this.negated = negated;
  }

  public Expression<?> operand() {
    return operand;
  }

  public Expression<?> low() {
    return low;
  }

  public Expression<?> high() {
    return high;
  }

  public boolean negated() {
    return negated;
  }

  @Override
  public SqlType<Boolean> type() {
    return Types.BOOLEAN;
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitBetween(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(Between.class).add(negated).add(operand).add(low).add(high);
  }
}
