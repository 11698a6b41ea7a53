package org.jalchemy.pool;

import java.time.Duration;

/**
 * Pool settings, as SQLAlchemy's {@code pool_size}, {@code pool_timeout}, {@code pool_pre_ping} and
 * {@code pool_recycle}.
 *
 * @param size the maximum number of connections
 * @param timeout how long a checkout waits for a free connection before failing
 * @param prePing whether every checkout tests the connection first and replaces it when dead
 * @param recycle the maximum age of a connection, after which it is replaced
 * @param leakDetection report connections held longer than this, with the stack that took them (zero: off)
 */
public record PoolOptions(int size, Duration timeout, boolean prePing, Duration recycle, Duration leakDetection) {
  /** Five connections, 30 s timeout, no pre-ping, 30 min recycle, no leak detection. */
  public static final PoolOptions DEFAULT =
      new PoolOptions(5, Duration.ofSeconds(30), false, Duration.ofMinutes(30), Duration.ZERO);
}
