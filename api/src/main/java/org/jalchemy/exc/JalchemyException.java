package org.jalchemy.exc;

/**
 * The root of every exception jalchemy raises.
 *
 * <p>Each kind of error carries a short {@link #code() code} that names it in the docs
 * ({@code docs/errors.md}), so a message seen in a log can be looked up.
 *
 * <pre>{@code
 * try { conn.execute(stmt); } catch (JalchemyException e) { log(e.code(), e.getMessage()); }
 * }</pre>
 */
public class JalchemyException extends RuntimeException {
  private final String code;

  public JalchemyException(String code, String message) {
    super(message);
    this.code = code;
  }

  public JalchemyException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The error code, for example {@code "arg"} or {@code "dbapi"}. */
  public String code() {
    return code;
  }

  @Override
  public String getMessage() {
    return super.getMessage() + " [jalchemy:" + code + "]";
  }
}
