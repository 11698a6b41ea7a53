package org.jalchemy.sql.elements;

import org.jalchemy.sql.Expression;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;

/**
 * A value sent to the database as a parameter, never as SQL text. Anonymous binds carry their
 * value; named binds ({@code bindparam("name")}, or the columns of an INSERT executed with a list
 * of parameter maps) take it from the parameters given at execution.
 *
 * @param <T> the Java type of the value
 */
public final class BindParameter<T> extends Expression<T> {
  private final String key;
  private final T value;
  private final boolean hasValue;
  private final SqlType<T> type;

  private BindParameter(String key, T value, boolean hasValue, SqlType<T> type) {
    this.key = key;
    this.value = value;
    this.hasValue = hasValue;
    this.type = type;
  }

  /** An anonymous parameter holding {@code value}. */
  public static <T> BindParameter<T> of(T value, SqlType<T> type) {
    return new BindParameter<>(null, value, true, type);
  }

  /** A named parameter whose value comes from the execution's parameter map. */
  public static <T> BindParameter<T> named(String key, SqlType<T> type) {
    return new BindParameter<>(key, null, false, type);
  }

  /** A named parameter with a default value that the execution's parameter map may override. */
  public static <T> BindParameter<T> named(String key, T value, SqlType<T> type) {
    return new BindParameter<>(key, value, true, type);
  }

  /** The parameter's name, or null when anonymous. */
  public String key() {
    return key;
  }

  /** The value held by the statement (null for a named parameter without default). */
  public T value() {
    return value;
  }

  /** False when the value must come from the execution's parameters. */
  public boolean hasValue() {
    return hasValue;
  }

  @Override
  public SqlType<T> type() {
    return type;
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitBindParameter(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.bind(this);
  }
}
