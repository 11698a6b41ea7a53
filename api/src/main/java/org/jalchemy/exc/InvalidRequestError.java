package org.jalchemy.exc;

/** An operation was asked for in a state that does not allow it, such as using a closed connection. */
public class InvalidRequestError extends JalchemyException {
  public InvalidRequestError(String message) {
    super("invalid", message);
  }

  public InvalidRequestError(String message, Throwable cause) {
    super("invalid", message, cause);
  }
}
