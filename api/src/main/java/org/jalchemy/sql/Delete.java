package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.sql.elements.BooleanClauseList;

/**
 * {@code DELETE FROM table WHERE … [RETURNING …]}.
 *
 * <pre>{@code
 * conn.execute(delete(users).where(users.name.eq("patrick")));
 * }</pre>
 *
 * @param <T> the Java type of the first RETURNING column
 */
public final class Delete<T> extends DmlStatement<T> {
  private List<Expression<Boolean>> where = List.of();

  public Delete(Table table) {
    super(table);
  }

  private Delete<T> copy() {
    Delete<T> d = new Delete<>(table);
    d.where = where;
    d.returning = returning;
    d.options = options;
    d.entity = entity;
    return d;
  }

  /** This statement made for a mapped class (see {@link #entity()}); used by {@code Jalchemy.delete(User.class)}. */
  public Delete<T> forEntity(Class<?> mappedClass) {
    Delete<T> copy = copy();
    copy.entity = mappedClass;
    return copy;
  }

  /** Adds a literal SQL criterion, as {@link Select#where(TextClause)}. */
  public Delete<T> where(TextClause criterion) {
    return where(criterion.asCriterion());
  }

  /** Adds WHERE criteria, joined with AND. */
  @SafeVarargs
  public final Delete<T> where(Expression<Boolean>... criteria) {
    Delete<T> d = copy();
    List<Expression<Boolean>> w = new ArrayList<>(where);
    w.addAll(Arrays.asList(criteria));
    d.where = List.copyOf(w);
    return d;
  }

  /** {@code RETURNING first, more…}. */
  public <R> Delete<R> returning(Expression<R> first, Expression<?>... more) {
    @SuppressWarnings("unchecked")
    Delete<R> d = (Delete<R>) copy();
    List<Expression<?>> r = new ArrayList<>();
    r.add(first);
    r.addAll(Arrays.asList(more));
    d.returning = List.copyOf(r);
    return d;
  }

  /** This delete with other execution options. */
  public Delete<T> executionOptions(ExecutionOptions newOptions) {
    Delete<T> d = copy();
    d.options = newOptions;
    return d;
  }

  /** The WHERE criteria combined with AND, or null. */
  public Expression<Boolean> whereClause() {
    return where.isEmpty() ? null : BooleanClauseList.and(where);
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitDelete(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(Delete.class).add(table).addAll(where).addAll(returning);
  }
}
