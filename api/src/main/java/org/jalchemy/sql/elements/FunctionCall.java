package org.jalchemy.sql.elements;

import java.util.List;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;

/**
 * {@code name(arg, …)}. Created through {@code func}: {@code func.count(users.id)},
 * {@code func.named("julianday", Types.DOUBLE, orders.placed)}.
 *
 * @param <T> the Java type of the function's result
 */
public final class FunctionCall<T> extends Expression<T> {
  private final String name;
  private final List<Expression<?>> arguments;
  private final SqlType<T> type;
  private final boolean star;

  public FunctionCall(String name, List<Expression<?>> arguments, SqlType<T> type, boolean star) {
    this.name = FunctionNames.check(name);
    this.arguments = List.copyOf(arguments);
    this.type = type;
    this.star = star;
  }

  /** The function name as written by the user, for example {@code "count"}. */
  public String name() {
    return name;
  }

  public List<Expression<?>> arguments() {
    return arguments;
  }

  /** True for {@code count(*)}. */
  public boolean star() {
    return star;
  }

  @Override
  public String keyName() {
    return name;
  }

  @Override
  public SqlType<T> type() {
    return type;
  }

  /** {@code name(…) OVER ()}: a window function over the whole result. */
  public Over<T> over() {
    return new Over<>(this, Window.EMPTY);
  }

  /** {@code name(…) OVER (PARTITION BY … ORDER BY …)}. */
  public Over<T> over(Window window) {
    return new Over<>(this, window);
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitFunction(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(FunctionCall.class).add(name).add(star).add(type).addAll(arguments);
  }
}
