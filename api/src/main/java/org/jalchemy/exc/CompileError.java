package org.jalchemy.exc;

/** A statement cannot be rendered as SQL for the dialect at hand (for example RETURNING on a server without it). */
public class CompileError extends JalchemyException {
  public CompileError(String message) {
    super("compile", message);
  }
}
