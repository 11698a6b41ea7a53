package org.jalchemy.sql.elements;

import org.jalchemy.sql.ClauseElement;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.OrderByItem;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;

/**
 * An ORDER BY entry: {@code expression ASC|DESC [NULLS FIRST|LAST]}.
 *
 * <pre>{@code
 * select(users.name).orderBy(users.fullname.desc().nullsLast());
 * }</pre>
 */
public final class Ordering extends ClauseElement implements OrderByItem {
  /** Sort direction. */
  public enum Direction {
    ASC,
    DESC
  }

  /** Where NULLs sort. */
  public enum Nulls {
    FIRST,
    LAST
  }

  private final Expression<?> element;
  private final Direction direction;
  private final Nulls nulls;

  public Ordering(Expression<?> element, Direction direction, Nulls nulls) {
    this.element = element;
    this.direction = direction;
    this.nulls = nulls;
  }

  /** The same ordering with NULLs first. */
  public Ordering nullsFirst() {
    return new Ordering(element, direction, Nulls.FIRST);
  }

  /** The same ordering with NULLs last. */
  public Ordering nullsLast() {
    return new Ordering(element, direction, Nulls.LAST);
  }

  public Expression<?> element() {
    return element;
  }

  public Direction direction() {
    return direction;
  }

  public Nulls nulls() {
    return nulls;
  }

  @Override
  public ClauseElement orderByElement() {
    return this;
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitOrdering(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(Ordering.class).add(direction).add(nulls).add(element);
  }
}
