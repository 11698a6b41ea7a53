package org.jalchemy.result;

import java.util.Collection;
import java.util.function.Consumer;

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

  /**
   * Adds every remaining row to {@code out}. A source overrides it to run the loop inside its own
   * class, where the calls of {@link #next} and {@link #current} are calls of one known class
   * (inlined), instead of interface calls from a loop shared by every kind of source.
   */
  default void drainTo(Collection<? super R> out) {
    while (next()) {
      out.add(current());
    }
  }

  /** Hands every remaining row to {@code action}, in order (a loop a source may run itself, as {@link #drainTo}). */
  default void forEachRemaining(Consumer<? super R> action) {
    while (next()) {
      action.accept(current());
    }
  }

  /** Releases the cursor; idempotent. */
  @Override
  void close();
}
