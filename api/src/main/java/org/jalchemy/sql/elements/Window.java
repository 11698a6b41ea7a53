package org.jalchemy.sql.elements;

import java.util.Arrays;
import java.util.List;
import org.jalchemy.sql.ClauseElement;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.OrderByItem;
import org.jalchemy.sql.compiler.CacheKey;

/**
 * The window of a window function: {@code PARTITION BY … ORDER BY …}.
 *
 * <pre>{@code
 * func.rowNumber().over(Window.partitionBy(emp.dept).orderBy(emp.salary.desc()))
 * }</pre>
 */
public final class Window {
  static final Window EMPTY = new Window(List.of(), List.of());

  private final List<Expression<?>> partitionBy;
  private final List<ClauseElement> orderBy;

  private Window(List<Expression<?>> partitionBy, List<ClauseElement> orderBy) {
    this.partitionBy = List.copyOf(partitionBy);
    this.orderBy = List.copyOf(orderBy);
  }

  /** A window partitioned by the given expressions. */
  public static Window partitionBy(Expression<?>... expressions) {
    return new Window(Arrays.asList(expressions), List.of());
  }

  /** A window over the whole result, ordered. */
  public static Window orderedBy(OrderByItem... items) {
    return EMPTY.orderBy(items);
  }

  /** This window with an ORDER BY. */
  public Window orderBy(OrderByItem... items) {
    return new Window(partitionBy, Arrays.stream(items).map(OrderByItem::orderByElement).toList());
  }

  public List<Expression<?>> partitions() {
    return partitionBy;
  }

  public List<ClauseElement> orderings() {
    return orderBy;
  }

  void appendCacheKey(CacheKey key) {
    key.addAll(partitionBy).addAll(orderBy);
  }
}
