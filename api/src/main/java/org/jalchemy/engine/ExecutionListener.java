package org.jalchemy.engine;

/**
 * Hooks around every statement an engine executes, as SQLAlchemy's before/after_cursor_execute
 * and handle_error events. Listeners run on the executing thread; keep them quick.
 *
 * <pre>{@code
 * List<String> seen = new ArrayList<>();
 * engine.addListener(new ExecutionListener() {
 *   public void beforeExecute(ExecutionContext ctx) { seen.add(ctx.sql()); }
 * });
 * }</pre>
 */
public interface ExecutionListener {
  /** Before the statement is sent. */
  default void beforeExecute(ExecutionContext context) {}

  /** After the statement ran; {@code rowcount} is the update count, or -1 for queries. */
  default void afterExecute(ExecutionContext context, long rowcount) {}

  /** When the driver raised an error; the (wrapped) exception is thrown after the listeners ran. */
  default void onError(ExecutionContext context, RuntimeException error) {}

  /** Transaction boundaries on a connection: "BEGIN (implicit)", "COMMIT", "ROLLBACK". */
  default void onTransaction(String event) {}
}
