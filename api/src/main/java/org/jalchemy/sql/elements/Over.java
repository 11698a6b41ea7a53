package org.jalchemy.sql.elements;

import org.jalchemy.sql.Expression;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;

/**
 * {@code function(…) OVER (window)}.
 *
 * @param <T> the Java type of the function's result
 */
public final class Over<T> extends Expression<T> {
  private final FunctionCall<T> function;
  private final Window window;

  Over(FunctionCall<T> function, Window window) {
    this.function = function;
    this.window = window;
  }

  public FunctionCall<T> function() {
    return function;
  }

  public Window window() {
    return window;
  }

  @Override
  public String keyName() {
    return function.keyName();
  }

  @Override
  public SqlType<T> type() {
    return function.type();
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitOver(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(Over.class).add(function);
    window.appendCacheKey(key);
  }
}
