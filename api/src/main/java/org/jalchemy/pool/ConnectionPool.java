package org.jalchemy.pool;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where an engine gets its JDBC connections: a HikariCP pool it owns, a single shared connection
 * (in-memory SQLite), or a DataSource someone else pools (a container).
 */
public interface ConnectionPool {
  /** A connection for exclusive use until {@link #release}; waits at most the pool timeout. */
  Connection checkout() throws SQLException;

  /** Gives a connection back; its transaction has already been ended. */
  void release(Connection connection) throws SQLException;

  /** Discards a connection that is broken, so it is never handed out again. */
  void invalidate(Connection connection);

  /** Current figures, for monitoring and tests. */
  PoolStatus status();

  /** Closes every connection; the pool may be opened again by a later checkout. */
  void dispose();
}
