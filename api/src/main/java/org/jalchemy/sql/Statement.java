package org.jalchemy.sql;

/**
 * The base of the executable statements of the expression language. Statements are immutable:
 * every builder method returns a new statement.
 *
 * @param <T> the Java type of the first result column
 */
public abstract class Statement<T> extends ClauseElement implements Executable<T> {
  /** Options for execution, copied along by the builder methods. */
  protected ExecutionOptions options = ExecutionOptions.DEFAULT;

  @Override
  public ExecutionOptions executionOptions() {
    return options;
  }
}
