package org.jalchemy.exc;

/** {@code one()} or {@code oneOrNull()} found more than one row where at most one was allowed. */
public class MultipleResultsFound extends InvalidRequestError {
  public MultipleResultsFound(String message) {
    super(message);
  }
}
