package org.jalchemy.sql;

import java.util.List;
import org.jalchemy.exc.ArgumentError;

/**
 * Something a SELECT can read from: a table, an alias, a join, a subquery, a CTE.
 *
 * <pre>{@code
 * select(users.name, addresses.email).selectFrom(users.join(addresses));
 * }</pre>
 */
public abstract class FromClause extends ClauseElement implements JoinTarget, SelectItem {

  /** Selecting a table (or alias, subquery) selects all its columns. */
  @Override
  public List<Expression<?>> selectedColumns() {
    return List.copyOf(columns());
  }

  @Override
  public FromClause joinTarget() {
    return this;
  }

  /** The columns this FROM clause offers, in order. */
  public abstract List<? extends NamedColumn<?>> columns();

  /** A short text naming this FROM clause in messages. */
  public abstract String describe();

  /** The column named {@code name}; fails, listing the known names, when there is none. */
  public NamedColumn<?> c(String name) {
    for (NamedColumn<?> col : columns()) {
      if (col.name().equals(name)) {
        return col;
      }
    }
    throw new ArgumentError(
        describe() + " has no column '" + name + "'; its columns are "
            + columns().stream().map(NamedColumn::name).toList());
  }

  /** The column named {@code name}, checked to hold values of {@code javaType}. */
  @SuppressWarnings("unchecked")
  public <T> NamedColumn<T> c(String name, Class<T> javaType) {
    NamedColumn<?> col = c(name);
    if (!javaType.isAssignableFrom(col.type().javaType())) {
      throw new ArgumentError(
          describe() + "." + name + " holds " + col.type().javaType().getSimpleName()
              + ", not " + javaType.getSimpleName());
    }
    return (NamedColumn<T>) col;
  }

  /** True when this FROM clause is, or contains (as a join does), {@code other}. */
  public boolean covers(FromClause other) {
    return this == other;
  }

  /** {@code this JOIN right ON <inferred from foreign keys>}. */
  public Join join(FromClause right) {
    return new Join(this, right, null, Join.Kind.INNER);
  }

  /** {@code this JOIN right ON onclause}. */
  public Join join(FromClause right, Expression<Boolean> onclause) {
    return new Join(this, right, onclause, Join.Kind.INNER);
  }

  /** {@code this LEFT OUTER JOIN right ON <inferred>}. */
  public Join outerJoin(FromClause right) {
    return new Join(this, right, null, Join.Kind.LEFT);
  }

  /** {@code this LEFT OUTER JOIN right ON onclause}. */
  public Join outerJoin(FromClause right, Expression<Boolean> onclause) {
    return new Join(this, right, onclause, Join.Kind.LEFT);
  }

  /** {@code this FULL OUTER JOIN right ON onclause} (not on SQLite before 3.39, nor MySQL). */
  public Join fullOuterJoin(FromClause right, Expression<Boolean> onclause) {
    return new Join(this, right, onclause, Join.Kind.FULL);
  }
}
