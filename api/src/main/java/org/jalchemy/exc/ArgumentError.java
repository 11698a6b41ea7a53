package org.jalchemy.exc;

/**
 * A caller passed something jalchemy cannot use: a malformed URL, an unknown dialect, a column
 * that is not part of a table. The message names the argument and the fix.
 */
public class ArgumentError extends JalchemyException {
  public ArgumentError(String message) {
    super("arg", message);
  }

  public ArgumentError(String message, Throwable cause) {
    super("arg", message, cause);
  }
}
