package org.jalchemy.exc;

/** {@code one()} or {@code scalarOne()} found no row where exactly one was required. */
public class NoResultFound extends InvalidRequestError {
  public NoResultFound(String message) {
    super(message);
  }
}
