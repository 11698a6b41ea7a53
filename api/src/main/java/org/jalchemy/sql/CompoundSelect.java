package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.sql.elements.BindParameter;
import org.jalchemy.types.Types;

/**
 * {@code SELECT … UNION [ALL] SELECT …} (also INTERSECT, EXCEPT), with its own ORDER BY and LIMIT.
 *
 * <pre>{@code
 * select(users.name).where(users.id.lt(3)).unionAll(select(users.name).where(users.id.gt(8))).orderBy(users.name);
 * }</pre>
 *
 * @param <T> the Java type of the first column
 */
public final class CompoundSelect<T> extends SelectBase<T> {
  /** The set operators. */
  public enum Keyword {
    UNION("UNION"),
    UNION_ALL("UNION ALL"),
    INTERSECT("INTERSECT"),
    EXCEPT("EXCEPT");

    private final String sql;

    Keyword(String sql) {
      this.sql = sql;
    }

    public String sql() {
      return sql;
    }
  }

  private final Keyword keyword;
  private final List<SelectBase<?>> selects;
  private List<ClauseElement> orderBy = List.of();
  private Expression<Integer> limit;
  private Expression<Integer> offset;

  private CompoundSelect(Keyword keyword, List<SelectBase<?>> selects) {
    this.keyword = keyword;
    this.selects = List.copyOf(selects);
  }

  static <T> CompoundSelect<T> of(Keyword keyword, SelectBase<T> first, SelectBase<?>[] others) {
    List<SelectBase<?>> all = new ArrayList<>();
    all.add(first);
    all.addAll(Arrays.asList(others));
    return new CompoundSelect<>(keyword, all);
  }

  static <T> CompoundSelect<T> unionAll(SelectBase<T> first, SelectBase<?> second) {
    return new CompoundSelect<>(Keyword.UNION_ALL, List.of(first, second));
  }

  static <T> CompoundSelect<T> union(SelectBase<T> first, SelectBase<?> second) {
    return new CompoundSelect<>(Keyword.UNION, List.of(first, second));
  }

  private CompoundSelect<T> copy() {
    CompoundSelect<T> c = new CompoundSelect<>(keyword, selects);
    c.orderBy = orderBy;
    c.limit = limit;
    c.offset = offset;
    c.options = options;
    return c;
  }

  /** ORDER BY for the whole compound statement. */
  public CompoundSelect<T> orderBy(OrderByItem... items) {
    CompoundSelect<T> c = copy();
    List<ClauseElement> o = new ArrayList<>(orderBy);
    for (OrderByItem i : items) {
      o.add(i.orderByElement());
    }
    c.orderBy = List.copyOf(o);
    return c;
  }

  /** LIMIT for the whole compound statement. */
  public CompoundSelect<T> limit(int rows) {
    CompoundSelect<T> c = copy();
    c.limit = BindParameter.of(rows, Types.INTEGER);
    return c;
  }

  /** OFFSET for the whole compound statement. */
  public CompoundSelect<T> offset(int rows) {
    CompoundSelect<T> c = copy();
    c.offset = BindParameter.of(rows, Types.INTEGER);
    return c;
  }

  /** This statement with other execution options. */
  public CompoundSelect<T> executionOptions(ExecutionOptions newOptions) {
    CompoundSelect<T> c = copy();
    c.options = newOptions;
    return c;
  }

  public Keyword keyword() {
    return keyword;
  }

  public List<SelectBase<?>> selects() {
    return selects;
  }

  public List<ClauseElement> orderings() {
    return orderBy;
  }

  public Expression<Integer> limitClause() {
    return limit;
  }

  public Expression<Integer> offsetClause() {
    return offset;
  }

  @Override
  public List<Expression<?>> selectedExpressions() {
    return selects.get(0).selectedExpressions();
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitCompoundSelect(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(CompoundSelect.class).add(keyword).addAll(selects).addAll(orderBy).add(limit).add(offset);
  }
}
