package org.jalchemy.orm;

import org.jalchemy.exc.InvalidRequestError;

/**
 * An UPDATE or DELETE of one object matched no row: another transaction changed its version
 * counter ({@code @MappedColumn(version = true)}) or deleted the row.
 *
 * <pre>{@code
 * try { session.commit(); } catch (StaleDataError e) { session.rollback(); }
 * }</pre>
 */
public class StaleDataError extends InvalidRequestError {
  public StaleDataError(String message) {
    super(message);
  }
}
