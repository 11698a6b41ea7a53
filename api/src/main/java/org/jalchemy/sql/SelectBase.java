package org.jalchemy.sql;

import java.util.List;
import org.jalchemy.sql.elements.ScalarSelect;
import org.jalchemy.sql.elements.Unary;
import org.jalchemy.sql.elements.UnaryOperator;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.Types;

/**
 * What SELECT and compound selects (UNION, …) have in common: they produce rows, and can be used
 * as subqueries, scalar values, EXISTS tests and CTEs.
 *
 * @param <T> the Java type of the first selected column
 */
public abstract class SelectBase<T> extends Statement<T> {

  /** The column expressions this statement selects, in order. */
  public abstract List<Expression<?>> selectedExpressions();

  /** {@code (SELECT …) AS name}, to be used in a FROM clause. */
  public Subquery subquery(String name) {
    return new Subquery(this, name);
  }

  /** An anonymously named subquery ({@code anon_1}, …). */
  public Subquery subquery() {
    return new Subquery(this, null);
  }

  /** {@code (SELECT …)} as a value: the statement must select one column and at most one row. */
  @SuppressWarnings("unchecked")
  public ScalarSelect<T> scalarSubquery() {
    List<Expression<?>> cols = selectedExpressions();
    SqlType<T> type = cols.isEmpty() ? (SqlType<T>) Types.NULL : (SqlType<T>) cols.get(0).type();
    return new ScalarSelect<>(this, type);
  }

  /** {@code EXISTS (SELECT …)}. */
  public Expression<Boolean> exists() {
    return new Unary<>(scalarSubquery(), UnaryOperator.EXISTS, Types.BOOLEAN);
  }

  /** {@code WITH name AS (SELECT …)}. */
  public Cte cte(String name) {
    return new Cte(this, name, false);
  }

  /** {@code WITH RECURSIVE name AS (…)}; complete it with {@link Cte#unionAll}. */
  public Cte cteRecursive(String name) {
    return new Cte(this, name, true);
  }

  /** {@code this UNION others…}. */
  @SafeVarargs
  public final CompoundSelect<T> union(SelectBase<? extends T>... others) {
    return CompoundSelect.of(CompoundSelect.Keyword.UNION, this, others);
  }

  /** {@code this UNION ALL others…}. */
  @SafeVarargs
  public final CompoundSelect<T> unionAll(SelectBase<? extends T>... others) {
    return CompoundSelect.of(CompoundSelect.Keyword.UNION_ALL, this, others);
  }

  /** {@code this INTERSECT others…}. */
  @SafeVarargs
  public final CompoundSelect<T> intersect(SelectBase<? extends T>... others) {
    return CompoundSelect.of(CompoundSelect.Keyword.INTERSECT, this, others);
  }

  /** {@code this EXCEPT others…}. */
  @SafeVarargs
  public final CompoundSelect<T> except(SelectBase<? extends T>... others) {
    return CompoundSelect.of(CompoundSelect.Keyword.EXCEPT, this, others);
  }
}
