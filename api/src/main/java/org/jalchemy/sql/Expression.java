package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jalchemy.sql.elements.BinaryExpression;
import org.jalchemy.sql.elements.BooleanClauseList;
import org.jalchemy.sql.elements.BindParameter;
import org.jalchemy.sql.elements.Cast;
import org.jalchemy.sql.elements.InList;
import org.jalchemy.sql.elements.Label;
import org.jalchemy.sql.elements.Ordering;
import org.jalchemy.sql.elements.Ordering.Direction;
import org.jalchemy.sql.elements.Between;
import org.jalchemy.sql.elements.UnaryOperator;
import org.jalchemy.sql.elements.Unary;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.Types;

/**
 * A SQL expression whose values have Java type {@code T}: a column, a bound value, a function
 * call, a comparison. Operators build new expressions and leave this one unchanged.
 *
 * <pre>{@code
 * select(users.id, users.name).where(users.name.eq("sandy").or(users.id.gt(5)));
 * }</pre>
 *
 * <p>Every Java value passed to an operator becomes a bound parameter typed like this expression.
 *
 * @param <T> the Java type of the expression's values
 */
public abstract class Expression<T> extends ClauseElement implements SelectItem, OrderByItem {

  /** The SQL type of this expression, which decides how its values are bound and read. */
  public abstract SqlType<T> type();

  /** The name a result row knows this expression by (a column's name, a label), or null. */
  public String keyName() {
    return null;
  }

  @Override
  public List<Expression<?>> selectedColumns() {
    return List.of(this);
  }

  @Override
  public ClauseElement orderByElement() {
    return this;
  }

  /** A bound parameter holding {@code value}, typed like this expression. */
  protected BindParameter<T> bind(T value) {
    return BindParameter.of(value, type());
  }

  private Expression<T> operand(T value) {
    return bind(value);
  }

  private Expression<Boolean> compare(Operator op, Expression<?> right) {
    return new BinaryExpression<>(this, op, right, Types.BOOLEAN);
  }

  // ---- comparison -------------------------------------------------------------------------

  /** {@code this = value}; a null value renders {@code IS NULL}, as SQL's = NULL is never true. */
  public Expression<Boolean> eq(T value) {
    return value == null ? isNull() : compare(Operator.EQ, operand(value));
  }

  /** {@code this = other}. */
  public Expression<Boolean> eq(Expression<? extends T> other) {
    return compare(Operator.EQ, other);
  }

  /** {@code this != value}; a null value renders {@code IS NOT NULL}. */
  public Expression<Boolean> ne(T value) {
    return value == null ? isNotNull() : compare(Operator.NE, operand(value));
  }

  /** {@code this != other}. */
  public Expression<Boolean> ne(Expression<? extends T> other) {
    return compare(Operator.NE, other);
  }

  /** {@code this < value}. */
  public Expression<Boolean> lt(T value) {
    return compare(Operator.LT, operand(value));
  }

  /** {@code this < other}. */
  public Expression<Boolean> lt(Expression<? extends T> other) {
    return compare(Operator.LT, other);
  }

  /** {@code this <= value}. */
  public Expression<Boolean> le(T value) {
    return compare(Operator.LE, operand(value));
  }

  /** {@code this <= other}. */
  public Expression<Boolean> le(Expression<? extends T> other) {
    return compare(Operator.LE, other);
  }

  /** {@code this > value}. */
  public Expression<Boolean> gt(T value) {
    return compare(Operator.GT, operand(value));
  }

  /** {@code this > other}. */
  public Expression<Boolean> gt(Expression<? extends T> other) {
    return compare(Operator.GT, other);
  }

  /** {@code this >= value}. */
  public Expression<Boolean> ge(T value) {
    return compare(Operator.GE, operand(value));
  }

  /** {@code this >= other}. */
  public Expression<Boolean> ge(Expression<? extends T> other) {
    return compare(Operator.GE, other);
  }

  /** {@code this IS NULL}. */
  public Expression<Boolean> isNull() {
    return new Unary<>(this, UnaryOperator.IS_NULL, Types.BOOLEAN);
  }

  /** {@code this IS NOT NULL}. */
  public Expression<Boolean> isNotNull() {
    return new Unary<>(this, UnaryOperator.IS_NOT_NULL, Types.BOOLEAN);
  }

  /** {@code this BETWEEN low AND high}. */
  public Expression<Boolean> between(T low, T high) {
    return new Between(this, operand(low), operand(high), false);
  }

  /** {@code this NOT BETWEEN low AND high}. */
  public Expression<Boolean> notBetween(T low, T high) {
    return new Between(this, operand(low), operand(high), true);
  }

  /**
   * {@code this IN (?, ?, …)}, one parameter per value. An empty collection renders a predicate
   * that is always false, so the statement stays valid.
   */
  public Expression<Boolean> in(Collection<? extends T> values) {
    return new InList(this, bindAll(values), false);
  }

  /** {@code this IN (?, ?, …)}. */
  @SafeVarargs
  public final Expression<Boolean> in(T... values) {
    return in(Arrays.asList(values));
  }

  /** {@code this IN (SELECT …)}; the SELECT may be a UNION. */
  public Expression<Boolean> in(SelectBase<?> subquery) {
    return new BinaryExpression<>(this, Operator.IN, subquery.scalarSubquery(), Types.BOOLEAN);
  }

  /** {@code this NOT IN (?, ?, …)}; an empty collection renders a predicate that is always true. */
  public Expression<Boolean> notIn(Collection<? extends T> values) {
    return new InList(this, bindAll(values), true);
  }

  /** {@code this NOT IN (?, ?, …)}. */
  @SafeVarargs
  public final Expression<Boolean> notIn(T... values) {
    return notIn(Arrays.asList(values));
  }

  /** {@code this NOT IN (SELECT …)}. */
  public Expression<Boolean> notIn(SelectBase<?> subquery) {
    return new BinaryExpression<>(this, Operator.NOT_IN, subquery.scalarSubquery(), Types.BOOLEAN);
  }

  private List<BindParameter<?>> bindAll(Collection<? extends T> values) {
    List<BindParameter<?>> binds = new ArrayList<>(values.size());
    for (T v : values) {
      binds.add(bind(v));
    }
    return binds;
  }

  // ---- strings ----------------------------------------------------------------------------

  /** {@code this LIKE pattern}; the pattern's % and _ are wildcards. */
  public Expression<Boolean> like(String pattern) {
    return new BinaryExpression<>(this, Operator.LIKE, BindParameter.of(pattern, Types.STRING), Types.BOOLEAN);
  }

  /** {@code this LIKE pattern ESCAPE escape}. */
  public Expression<Boolean> like(String pattern, char escape) {
    return new BinaryExpression<>(
        this, Operator.LIKE, BindParameter.of(pattern, Types.STRING), Types.BOOLEAN, escape);
  }

  /** {@code this NOT LIKE pattern}. */
  public Expression<Boolean> notLike(String pattern) {
    return new BinaryExpression<>(this, Operator.NOT_LIKE, BindParameter.of(pattern, Types.STRING), Types.BOOLEAN);
  }

  /** Case-insensitive LIKE: ILIKE on PostgreSQL, {@code lower(this) LIKE lower(pattern)} elsewhere. */
  public Expression<Boolean> ilike(String pattern) {
    return new BinaryExpression<>(this, Operator.ILIKE, BindParameter.of(pattern, Types.STRING), Types.BOOLEAN);
  }

  /** Case-insensitive NOT LIKE. */
  public Expression<Boolean> notIlike(String pattern) {
    return new BinaryExpression<>(this, Operator.NOT_ILIKE, BindParameter.of(pattern, Types.STRING), Types.BOOLEAN);
  }

  /** True when the value starts with {@code prefix}, taken literally: % and _ in it are escaped. */
  public Expression<Boolean> startsWith(String prefix) {
    return like(LikeEscaper.escape(prefix) + "%", LikeEscaper.ESCAPE);
  }

  /** True when the value ends with {@code suffix}, taken literally. */
  public Expression<Boolean> endsWith(String suffix) {
    return like("%" + LikeEscaper.escape(suffix), LikeEscaper.ESCAPE);
  }

  /** True when the value contains {@code part}, taken literally. */
  public Expression<Boolean> contains(String part) {
    return like("%" + LikeEscaper.escape(part) + "%", LikeEscaper.ESCAPE);
  }

  /** String concatenation, {@code this || value} (CONCAT() on MySQL/MariaDB). */
  public Expression<String> concat(String value) {
    return new BinaryExpression<>(this, Operator.CONCAT, BindParameter.of(value, Types.STRING), Types.STRING);
  }

  /** String concatenation with another expression. */
  public Expression<String> concat(Expression<?> other) {
    return new BinaryExpression<>(this, Operator.CONCAT, other, Types.STRING);
  }

  // ---- arithmetic -------------------------------------------------------------------------

  /** {@code this + value}. */
  public Expression<T> plus(T value) {
    return new BinaryExpression<>(this, Operator.PLUS, operand(value), type());
  }

  /** {@code this + other}. */
  public Expression<T> plus(Expression<? extends T> other) {
    return new BinaryExpression<>(this, Operator.PLUS, other, type());
  }

  /** {@code this - value}. */
  public Expression<T> minus(T value) {
    return new BinaryExpression<>(this, Operator.MINUS, operand(value), type());
  }

  /** {@code this - other}. */
  public Expression<T> minus(Expression<? extends T> other) {
    return new BinaryExpression<>(this, Operator.MINUS, other, type());
  }

  /** {@code this * value}. */
  public Expression<T> times(T value) {
    return new BinaryExpression<>(this, Operator.MUL, operand(value), type());
  }

  /** {@code this * other}. */
  public Expression<T> times(Expression<? extends T> other) {
    return new BinaryExpression<>(this, Operator.MUL, other, type());
  }

  /** {@code this / value}. */
  public Expression<T> div(T value) {
    return new BinaryExpression<>(this, Operator.DIV, operand(value), type());
  }

  /** {@code this / other}. */
  public Expression<T> div(Expression<? extends T> other) {
    return new BinaryExpression<>(this, Operator.DIV, other, type());
  }

  /** {@code this % value}. */
  public Expression<T> mod(T value) {
    return new BinaryExpression<>(this, Operator.MOD, operand(value), type());
  }

  /** {@code -this}. */
  public Expression<T> negate() {
    return new Unary<>(this, UnaryOperator.NEGATE, type());
  }

  // ---- boolean ----------------------------------------------------------------------------

  /** {@code this AND others…}; only meaningful on boolean expressions. */
  @SuppressWarnings("unchecked")
  public Expression<Boolean> and(Expression<Boolean>... others) {
    List<Expression<Boolean>> all = new ArrayList<>();
    all.add(asBoolean());
    all.addAll(Arrays.asList(others));
    return BooleanClauseList.and(all);
  }

  /** {@code this OR others…}; only meaningful on boolean expressions. */
  @SuppressWarnings("unchecked")
  public Expression<Boolean> or(Expression<Boolean>... others) {
    List<Expression<Boolean>> all = new ArrayList<>();
    all.add(asBoolean());
    all.addAll(Arrays.asList(others));
    return BooleanClauseList.or(all);
  }

  /** {@code NOT this}. */
  public Expression<Boolean> not() {
    return new Unary<>(asBoolean(), UnaryOperator.NOT, Types.BOOLEAN);
  }

  @SuppressWarnings("unchecked")
  private Expression<Boolean> asBoolean() {
    return (Expression<Boolean>) this;
  }

  // ---- naming, ordering, conversion ------------------------------------------------------

  /** {@code this AS name}: the name the result row and outer queries know it by. */
  public Label<T> label(String name) {
    return new Label<>(this, name);
  }

  /** {@code CAST(this AS type)}. */
  public <R> Expression<R> cast(SqlType<R> type) {
    return new Cast<>(this, type);
  }

  /** Ascending order. */
  public Ordering asc() {
    return new Ordering(this, Direction.ASC, null);
  }

  /** Descending order. */
  public Ordering desc() {
    return new Ordering(this, Direction.DESC, null);
  }
}
