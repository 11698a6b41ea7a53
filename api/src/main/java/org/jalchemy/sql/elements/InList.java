package org.jalchemy.sql.elements;

import java.util.List;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.Types;

/**
 * {@code x [NOT] IN (?, ?, …)} with one parameter per value. The number of values is part of the
 * statement's shape (and so of its cache key); an empty list compiles to a constant predicate.
 */
public final class InList extends Expression<Boolean> {
  private final Expression<?> operand;
  private final List<BindParameter<?>> values;
  private final boolean negated;

  public InList(Expression<?> operand, List<BindParameter<?>> values, boolean negated) {
    this.operand = operand;
    this.values = List.copyOf(values);
    this.negated = negated;
  }

  public Expression<?> operand() {
    return operand;
  }

  public List<BindParameter<?>> values() {
    return values;
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
    compiler.visitInList(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(InList.class).add(negated).add(operand).addAll(values);
  }
}
