package org.jalchemy.sql.elements;

import java.util.ArrayList;
import java.util.List;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;

/**
 * {@code CASE WHEN c1 THEN r1 WHEN c2 THEN r2 ELSE r END}; immutable, each call returns a new case.
 *
 * <pre>{@code
 * caseWhen(users.id.lt(10), "early").when(users.id.lt(100), "mid").otherwise("late")
 * }</pre>
 *
 * @param <T> the Java type of the results
 */
public final class Case<T> extends Expression<T> {
  private final List<Expression<Boolean>> conditions;
  private final List<Expression<T>> results;
  private final Expression<T> otherwise;
  private final SqlType<T> type;

  private Case(
      List<Expression<Boolean>> conditions, List<Expression<T>> results, Expression<T> otherwise, SqlType<T> type) {
    this.conditions = List.copyOf(conditions);
    this.results = List.copyOf(results);
    this.otherwise = otherwise;
    this.type = type;
  }

  /** A CASE with its first WHEN. */
  public static <T> Case<T> of(Expression<Boolean> condition, Expression<T> result) {
    return new Case<>(List.of(condition), List.of(result), null, result.type());
  }

  /** A further WHEN … THEN value. */
  public Case<T> when(Expression<Boolean> condition, T result) {
    return when(condition, BindParameter.of(result, type));
  }

  /** A further WHEN … THEN expression. */
  public Case<T> when(Expression<Boolean> condition, Expression<T> result) {
    List<Expression<Boolean>> c = new ArrayList<>(conditions);
    List<Expression<T>> r = new ArrayList<>(results);
    c.add(condition);
    r.add(result);
    return new Case<>(c, r, otherwise, type);
  }

  /** ELSE value. */
  public Case<T> otherwise(T result) {
    return otherwise(BindParameter.of(result, type));
  }

  /** ELSE expression. */
  public Case<T> otherwise(Expression<T> result) {
    return new Case<>(conditions, results, result, type);
  }

  public List<Expression<Boolean>> conditions() {
    return conditions;
  }

  public List<Expression<T>> results() {
    return results;
  }

  /** The ELSE result, or null. */
  public Expression<T> otherwise() {
    return otherwise;
  }

  @Override
  public SqlType<T> type() {
    return type;
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitCase(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(Case.class).addAll(conditions).addAll(results).add(otherwise);
  }
}
