package org.jalchemy.sql;

/**
 * A column that belongs to a FROM clause: a table's {@link org.jalchemy.schema.Column}, or a
 * column of an alias, subquery or CTE. It renders as {@code parent.name}.
 *
 * @param <T> the Java type of the column's values
 */
public abstract class NamedColumn<T> extends Expression<T> {
  /** The column's name in its parent. */
  public abstract String name();

  /** The FROM clause this column belongs to. */
  public abstract FromClause parent();

  /**
   * The column this one stands for when it is a column of an alias or a subquery (for a table
   * column: itself). Lets a result row be read with either.
   */
  public Expression<?> origin() {
    return this;
  }

  @Override
  public String keyName() {
    return name();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + parent().describe() + "." + name() + ")";
  }
}
