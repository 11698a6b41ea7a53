package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.sql.elements.BindParameter;
import org.jalchemy.sql.elements.BooleanClauseList;
import org.jalchemy.sql.elements.Label;
import org.jalchemy.sql.elements.Ordering;
import org.jalchemy.types.Types;

/**
 * {@code SELECT}: immutable and generative, each method returns a new statement.
 *
 * <pre>{@code
 * Select<String> stmt = select(users.name, addresses.email)
 *     .join(addresses)
 *     .where(users.name.startsWith("s"))
 *     .orderBy(users.name, addresses.email.desc())
 *     .limit(10);
 * }</pre>
 *
 * <p>The FROM clause is inferred from the selected columns and the WHERE clause, as SQLAlchemy
 * does; {@link #selectFrom} and {@link #join} add to it explicitly.
 *
 * @param <T> the Java type of the first selected item (what {@code scalars()} returns)
 */
public final class Select<T> extends SelectBase<T> {

  /** A join requested with {@link #join}: resolved against the inferred FROM list when compiled. */
  public record SetupJoin(FromClause left, FromClause target, Expression<Boolean> onclause, Join.Kind kind) {}

  /** Row locking requested with {@link #forUpdate}. */
  public enum LockMode {
    NONE,
    FOR_UPDATE,
    FOR_UPDATE_NOWAIT,
    FOR_UPDATE_SKIP_LOCKED
  }

  private List<SelectItem> items = List.of();
  private List<Expression<?>> columns = List.of();
  private List<FromClause> froms = List.of();
  private List<SetupJoin> joins = List.of();
  private List<Expression<Boolean>> where = List.of();
  private List<Expression<?>> groupBy = List.of();
  private List<Expression<Boolean>> having = List.of();
  private List<ClauseElement> orderBy = List.of();
  private Expression<Integer> limit;
  private Expression<Integer> offset;
  private boolean distinct;
  private LockMode lockMode = LockMode.NONE;
  private List<ExecutableOption> executableOptions = List.of();

  /** Use {@code Jalchemy.select(…)}. */
  public Select(List<? extends SelectItem> items) {
    setItems(List.copyOf(items));
  }

  private void setItems(List<SelectItem> newItems) {
    this.items = newItems;
    List<Expression<?>> cols = new ArrayList<>();
    for (SelectItem i : newItems) {
      cols.addAll(i.selectedColumns());
    }
    this.columns = List.copyOf(cols);
  }

  private Select<T> copy() {
    Select<T> s = new Select<>(List.of());
    s.items = items;
    s.columns = columns;
    s.froms = froms;
    s.joins = joins;
    s.where = where;
    s.groupBy = groupBy;
    s.having = having;
    s.orderBy = orderBy;
    s.limit = limit;
    s.offset = offset;
    s.distinct = distinct;
    s.lockMode = lockMode;
    s.options = options;
    s.executableOptions = executableOptions;
    return s;
  }

  private static <E> List<E> plus(List<E> list, List<? extends E> more) {
    List<E> all = new ArrayList<>(list);
    all.addAll(more);
    return List.copyOf(all);
  }

  /** Adds columns to the SELECT list. */
  public Select<T> addColumns(SelectItem... more) {
    Select<T> s = copy();
    s.setItems(plus(items, Arrays.asList(more)));
    return s;
  }

  /** Adds explicit FROM entries (SQLAlchemy's {@code select_from}). */
  public Select<T> selectFrom(FromClause... from) {
    Select<T> s = copy();
    s.froms = plus(froms, Arrays.asList(from));
    return s;
  }

  /**
   * {@code JOIN target}: joined from the leftmost FROM entry that has a foreign key path to the
   * target (or that the ORM relationship starts from).
   */
  public Select<T> join(JoinTarget target) {
    return addJoin(null, target.joinTarget(), target.joinCondition(), Join.Kind.INNER);
  }

  /** {@code JOIN target ON onclause}. */
  public Select<T> join(FromClause target, Expression<Boolean> onclause) {
    return addJoin(null, target, onclause, Join.Kind.INNER);
  }

  /** {@code LEFT OUTER JOIN target}, condition inferred. */
  public Select<T> outerJoin(JoinTarget target) {
    return addJoin(null, target.joinTarget(), target.joinCondition(), Join.Kind.LEFT);
  }

  /** {@code LEFT OUTER JOIN target ON onclause}. */
  public Select<T> outerJoin(FromClause target, Expression<Boolean> onclause) {
    return addJoin(null, target, onclause, Join.Kind.LEFT);
  }

  /** {@code left JOIN target ON onclause}, naming the left side explicitly. */
  public Select<T> joinFrom(FromClause left, FromClause target, Expression<Boolean> onclause) {
    return addJoin(left, target, onclause, Join.Kind.INNER);
  }

  /** {@code left LEFT OUTER JOIN target ON onclause}, naming the left side explicitly. */
  public Select<T> outerJoinFrom(FromClause left, FromClause target, Expression<Boolean> onclause) {
    return addJoin(left, target, onclause, Join.Kind.LEFT);
  }

  private Select<T> addJoin(FromClause left, FromClause target, Expression<Boolean> on, Join.Kind kind) {
    Select<T> s = copy();
    s.joins = plus(joins, List.of(new SetupJoin(left, target, on, kind)));
    return s;
  }

  /** Adds a literal SQL criterion: {@code where(text("length(name) > :n").bindParams(Map.of("n", 3)))}. */
  public Select<T> where(TextClause criterion) {
    return where(criterion.asCriterion());
  }

  /** Adds a literal SQL HAVING criterion. */
  public Select<T> having(TextClause criterion) {
    return having(criterion.asCriterion());
  }

  /** Adds WHERE criteria, joined with AND to any already present. */
  @SafeVarargs
  public final Select<T> where(Expression<Boolean>... criteria) {
    Select<T> s = copy();
    s.where = plus(where, Arrays.asList(criteria));
    return s;
  }

  /** {@code GROUP BY …}. */
  public Select<T> groupBy(Expression<?>... expressions) {
    Select<T> s = copy();
    s.groupBy = plus(groupBy, Arrays.asList(expressions));
    return s;
  }

  /** {@code HAVING …}, joined with AND. */
  @SafeVarargs
  public final Select<T> having(Expression<Boolean>... criteria) {
    Select<T> s = copy();
    s.having = plus(having, Arrays.asList(criteria));
    return s;
  }

  /** {@code ORDER BY …}: expressions (ascending) or {@code expr.desc()}, {@code expr.asc().nullsLast()}. */
  public Select<T> orderBy(OrderByItem... items) {
    Select<T> s = copy();
    s.orderBy = plus(orderBy, Arrays.stream(items).map(OrderByItem::orderByElement).toList());
    return s;
  }

  /** {@code LIMIT rows}, sent as a bound parameter. */
  public Select<T> limit(int rows) {
    Select<T> s = copy();
    s.limit = BindParameter.of(rows, Types.INTEGER);
    return s;
  }

  /** {@code OFFSET rows}, sent as a bound parameter. */
  public Select<T> offset(int rows) {
    Select<T> s = copy();
    s.offset = BindParameter.of(rows, Types.INTEGER);
    return s;
  }

  /** {@code SELECT DISTINCT}. */
  public Select<T> distinct() {
    Select<T> s = copy();
    s.distinct = true;
    return s;
  }

  /** {@code FOR UPDATE} (ignored by SQLite, which locks the whole database). */
  public Select<T> forUpdate() {
    return lock(LockMode.FOR_UPDATE);
  }

  /** {@code FOR UPDATE} with a lock mode. */
  public Select<T> lock(LockMode mode) {
    Select<T> s = copy();
    s.lockMode = mode;
    return s;
  }

  /**
   * Adds options for the layer that executes the statement, such as the ORM's loader options:
   * {@code select(User.class).options(selectinload(User_.addresses))}. They do not change the SQL
   * a Core connection runs.
   */
  public Select<T> options(ExecutableOption... more) {
    Select<T> s = copy();
    s.executableOptions = plus(executableOptions, Arrays.asList(more));
    return s;
  }

  /** The options added with {@link #options}. */
  public List<ExecutableOption> executableOptions() {
    return executableOptions;
  }

  /** This statement with other execution options. */
  public Select<T> executionOptions(ExecutionOptions newOptions) {
    Select<T> s = copy();
    s.options = newOptions;
    return s;
  }

  // ---- accessors for compilers and the ORM -------------------------------------------------

  /** The items as given (columns, or mapped classes in the ORM). */
  public List<SelectItem> items() {
    return items;
  }

  @Override
  public List<Expression<?>> selectedExpressions() {
    return columns;
  }

  public List<FromClause> explicitFroms() {
    return froms;
  }

  public List<SetupJoin> setupJoins() {
    return joins;
  }

  /** The WHERE criteria combined with AND, or null. */
  public Expression<Boolean> whereClause() {
    return where.isEmpty() ? null : BooleanClauseList.and(where);
  }

  public List<Expression<?>> groupByClauses() {
    return groupBy;
  }

  /** The HAVING criteria combined with AND, or null. */
  public Expression<Boolean> havingClause() {
    return having.isEmpty() ? null : BooleanClauseList.and(having);
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

  public boolean isDistinct() {
    return distinct;
  }

  public LockMode lockMode() {
    return lockMode;
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitSelect(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(Select.class).add(distinct).add(lockMode).addAll(columns).addAll(froms);
    key.add(joins.size());
    for (SetupJoin j : joins) {
      key.add(j.kind()).add(j.left()).add(j.target()).add(j.onclause());
    }
    key.addAll(where).addAll(groupBy).addAll(having).addAll(orderBy).add(limit).add(offset);
    // An ORDER BY label renders as its name only when that very label is selected (identity),
    // which the structure above cannot tell from an equal-looking label that is not.
    for (ClauseElement o : orderBy) {
      ClauseElement target = o instanceof Ordering ord ? ord.element() : o;
      key.add(target instanceof Label<?> && columns.stream().anyMatch(c -> c == target));
    }
  }
}
