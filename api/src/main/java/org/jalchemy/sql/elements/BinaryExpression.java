package org.jalchemy.sql.elements;

import org.jalchemy.sql.Expression;
import org.jalchemy.sql.Operator;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;

/**
 * {@code left OP right}: comparisons, LIKE, arithmetic, concatenation.
 *
 * @param <T> the Java type of the result
 */
public final class BinaryExpression<T> extends Expression<T> {
  private final Expression<?> left;
  private final Operator operator;
  private final Expression<?> right;
  private final SqlType<T> type;
  private final Character escape;

  public BinaryExpression(Expression<?> left, Operator operator, Expression<?> right, SqlType<T> type) {
    this(left, operator, right, type, null);
  }

  public BinaryExpression(
      Expression<?> left, Operator operator, Expression<?> right, SqlType<T> type, Character escape) {
    this.left = left;
    this.operator = operator;
    this.right = right;
    this.type = type;
    this.escape = escape;
  }

  public Expression<?> left() {
    return left;
  }

  public Operator operator() {
    return operator;
  }

  public Expression<?> right() {
    return right;
  }

  /** The LIKE escape character, or null. */
  public Character escape() {
    return escape;
  }

  @Override
  public SqlType<T> type() {
    return type;
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitBinary(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(BinaryExpression.class).add(operator).add(escape).add(left).add(right);
  }
}
