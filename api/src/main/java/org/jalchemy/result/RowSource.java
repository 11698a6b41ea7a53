package org.jalchemy.result;

/**
 * Where a result's rows come from: a JDBC cursor, a list already in memory, or another result
 * transformed. {@link #next} answers false once exhausted.
 *
 * @param <R> the row type
 */
public interface RowSource<R> extends AutoCloseable {
  /** Advances to the next row; false when there is none. */
  boolean next();

  /** The current row. */
  R current();

  /** Releases the cursor; idempotent. */
  @Override
  void close();
}
