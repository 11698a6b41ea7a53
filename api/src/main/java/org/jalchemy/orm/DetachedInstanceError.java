package org.jalchemy.orm;

import org.jalchemy.exc.InvalidRequestError;

/**
 * An attribute needs loading (expired, or a relationship not loaded yet) but its object belongs to
 * no Session any more, so nothing can load it. Returning null instead would be a silent lie.
 *
 * <pre>{@code
 * session.commit(); session.close();
 * user.getName();   // DetachedInstanceError: expired on commit, detached on close
 * }</pre>
 */
public class DetachedInstanceError extends InvalidRequestError {
  public DetachedInstanceError(String message) {
    super(message);
  }
}
