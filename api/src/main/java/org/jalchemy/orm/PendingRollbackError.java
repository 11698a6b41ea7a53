package org.jalchemy.orm;

import org.jalchemy.exc.InvalidRequestError;

/**
 * A flush failed, its transaction was rolled back, and the session refuses work until
 * {@link Session#rollback()} acknowledges it (its objects' states are no longer what the database has).
 *
 * <pre>{@code
 * try { session.flush(); } catch (IntegrityError e) { session.rollback(); }
 * }</pre>
 */
public class PendingRollbackError extends InvalidRequestError {
  public PendingRollbackError(String message, Throwable cause) {
    super(message, cause);
  }
}
