package org.jalchemy.sql;

/**
 * Per-statement execution options, set generatively on a statement:
 *
 * <pre>{@code
 * try (var result = conn.execute(select(big.id).executionOptions(ExecutionOptions.yieldPer(1000)))) {
 *   for (Row r : result) { ... }   // rows fetched from the server 1000 at a time
 * }
 * }</pre>
 *
 * @param fetchSize rows fetched per round trip (0: the driver's default, which may load everything)
 * @param stream whether rows stream from the server cursor instead of being read up front
 * @param timeoutSeconds the statement's query timeout, 0 for none
 */
public record ExecutionOptions(int fetchSize, boolean stream, int timeoutSeconds) {
  /** No options: driver defaults. */
  public static final ExecutionOptions DEFAULT = new ExecutionOptions(0, false, 0);

  /** Streams rows from a server-side cursor, {@code rows} at a time, without loading them all. */
  public static ExecutionOptions yieldPer(int rows) {
    return new ExecutionOptions(rows, true, 0);
  }

  /** These options with a query timeout. */
  public ExecutionOptions withTimeout(int seconds) {
    return new ExecutionOptions(fetchSize, stream, seconds);
  }
}
