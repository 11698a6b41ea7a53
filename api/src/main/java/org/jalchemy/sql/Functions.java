package org.jalchemy.sql;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jalchemy.sql.elements.BindParameter;
import org.jalchemy.sql.elements.FunctionCall;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.Types;

/**
 * SQL functions, reached as {@code func} from {@code Jalchemy}: typed helpers for the common ones
 * and {@link #named} for any other.
 *
 * <pre>{@code
 * select(func.count()).selectFrom(users);
 * select(users.name, func.count(addresses.id)).join(addresses).groupBy(users.name);
 * select(func.named("julianday", Types.DOUBLE, text("'now'")));
 * }</pre>
 */
public final class Functions {
  /** The single instance, {@code Jalchemy.func}. */
  public static final Functions INSTANCE = new Functions();

  private Functions() {}

  /** {@code count(*)}. */
  public FunctionCall<Long> count() {
    return new FunctionCall<>("count", List.of(), Types.BIG_INTEGER, true);
  }

  /** {@code count(expr)}: the number of non-null values. */
  public FunctionCall<Long> count(Expression<?> expr) {
    return new FunctionCall<>("count", List.of(expr), Types.BIG_INTEGER, false);
  }

  /** {@code sum(expr)}, typed like its argument. */
  public <T> FunctionCall<T> sum(Expression<T> expr) {
    return new FunctionCall<>("sum", List.of(expr), expr.type(), false);
  }

  /** {@code min(expr)}. */
  public <T> FunctionCall<T> min(Expression<T> expr) {
    return new FunctionCall<>("min", List.of(expr), expr.type(), false);
  }

  /** {@code max(expr)}. */
  public <T> FunctionCall<T> max(Expression<T> expr) {
    return new FunctionCall<>("max", List.of(expr), expr.type(), false);
  }

  /** {@code avg(expr)} as an exact decimal. */
  public FunctionCall<BigDecimal> avg(Expression<?> expr) {
    return new FunctionCall<>("avg", List.of(expr), Types.NUMERIC, false);
  }

  /** {@code coalesce(expr, fallback)}: the first non-null. */
  public <T> FunctionCall<T> coalesce(Expression<T> expr, T fallback) {
    return new FunctionCall<>("coalesce", List.of(expr, BindParameter.of(fallback, expr.type())), expr.type(), false);
  }

  /** {@code coalesce(a, b, …)}. */
  @SafeVarargs
  public final <T> FunctionCall<T> coalesce(Expression<T> first, Expression<? extends T>... more) {
    List<Expression<?>> args = new ArrayList<>();
    args.add(first);
    args.addAll(Arrays.asList(more));
    return new FunctionCall<>("coalesce", args, first.type(), false);
  }

  /** {@code lower(expr)}. */
  public FunctionCall<String> lower(Expression<?> expr) {
    return new FunctionCall<>("lower", List.of(expr), Types.STRING, false);
  }

  /** {@code upper(expr)}. */
  public FunctionCall<String> upper(Expression<?> expr) {
    return new FunctionCall<>("upper", List.of(expr), Types.STRING, false);
  }

  /** {@code length(expr)} in characters. */
  public FunctionCall<Integer> length(Expression<?> expr) {
    return new FunctionCall<>("length", List.of(expr), Types.INTEGER, false);
  }

  /** {@code abs(expr)}. */
  public <T> FunctionCall<T> abs(Expression<T> expr) {
    return new FunctionCall<>("abs", List.of(expr), expr.type(), false);
  }

  /** The current timestamp ({@code now()}, or CURRENT_TIMESTAMP where the database spells it so). */
  public FunctionCall<LocalDateTime> now() {
    return new FunctionCall<>("now", List.of(), Types.DATETIME, false);
  }

  /** {@code row_number()}, a window function: use with {@code .over(…)}. */
  public FunctionCall<Long> rowNumber() {
    return new FunctionCall<>("row_number", List.of(), Types.BIG_INTEGER, false);
  }

  /** {@code rank()}, a window function. */
  public FunctionCall<Long> rank() {
    return new FunctionCall<>("rank", List.of(), Types.BIG_INTEGER, false);
  }

  /** {@code dense_rank()}, a window function. */
  public FunctionCall<Long> denseRank() {
    return new FunctionCall<>("dense_rank", List.of(), Types.BIG_INTEGER, false);
  }

  /** Any function by name, result of unknown type. The name must be a plain identifier. */
  public FunctionCall<Object> named(String name, Expression<?>... args) {
    return new FunctionCall<>(name, Arrays.asList(args), Types.NULL, false);
  }

  /** Any function by name with a declared result type. */
  public <T> FunctionCall<T> named(String name, SqlType<T> type, Expression<?>... args) {
    return new FunctionCall<>(name, Arrays.asList(args), type, false);
  }
}
