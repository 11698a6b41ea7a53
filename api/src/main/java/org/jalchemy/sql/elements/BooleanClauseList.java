package org.jalchemy.sql.elements;

import java.util.ArrayList;
import java.util.List;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.Operator;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.Types;

/**
 * {@code a AND b AND c} or {@code a OR b OR c}. Nested lists of the same operator are flattened; an
 * empty AND is true and an empty OR is false, as in SQLAlchemy's {@code and_()} / {@code or_()}.
 */
public final class BooleanClauseList extends Expression<Boolean> {
  private final Operator operator;
  private final List<Expression<Boolean>> clauses;

  private BooleanClauseList(Operator operator, List<Expression<Boolean>> clauses) {
    this.operator = operator;
    this.clauses = List.copyOf(clauses);
  }

  /** The conjunction of the clauses. */
  public static Expression<Boolean> and(List<? extends Expression<Boolean>> clauses) {
    return build(Operator.AND, clauses);
  }

  /** The disjunction of the clauses. */
  public static Expression<Boolean> or(List<? extends Expression<Boolean>> clauses) {
    return build(Operator.OR, clauses);
  }

  private static Expression<Boolean> build(Operator op, List<? extends Expression<Boolean>> clauses) {
    List<Expression<Boolean>> flat = new ArrayList<>();
    for (Expression<Boolean> c : clauses) {
      if (c instanceof BooleanClauseList l && l.operator == op) {
        flat.addAll(l.clauses);
      } else {
        flat.add(c);
      }
    }
    if (flat.size() == 1) {
      return flat.get(0);
    }
    return new BooleanClauseList(op, flat);
  }

  public Operator operator() {
    return operator;
  }

  /** The clauses; empty means a constant (true for AND, false for OR). */
  public List<Expression<Boolean>> clauses() {
    return clauses;
  }

  @Override
  public SqlType<Boolean> type() {
    return Types.BOOLEAN;
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitBooleanClauseList(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(BooleanClauseList.class).add(operator).addAll(clauses);
  }
}
