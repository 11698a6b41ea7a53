package org.jalchemy.pool;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection shared by every checkout, one holder at a time: an in-memory SQLite database
 * lives inside a single connection, so handing out a second one would show an empty database.
 * Other threads wait for it up to the pool timeout.
 */
public final class SingletonConnectionPool implements ConnectionPool {
  private final String jdbcUrl;
  private final Properties properties;
  private final PoolOptions options;
  private final ReentrantLock lock = new ReentrantLock(true);
  private Connection connection;

  public SingletonConnectionPool(String jdbcUrl, Properties properties, PoolOptions options) {
    this.jdbcUrl = jdbcUrl;
    this.properties = properties;
    this.options = options;
  }

  @Override
  public Connection checkout() throws SQLException {
    try {
      if (!lock.tryLock(options.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new SQLTransientConnectionException(
            "the single shared connection of this in-memory SQLite engine was not returned within the pool timeout of "
                + options.timeout().toMillis() + " ms; close the connection or session holding it", "08001");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException("interrupted while waiting for the shared connection", "08001", e);
    }
    try {
      if (connection == null || connection.isClosed()) {
        connection = DriverManager.getConnection(jdbcUrl, properties);
        connection.setAutoCommit(false);
      }
      return connection;
    } catch (SQLException | RuntimeException e) {
      lock.unlock();
      throw e;
    }
  }

  @Override
  public void release(Connection c) {
    if (lock.isHeldByCurrentThread()) {
      lock.unlock();
    }
  }

  @Override
  public void invalidate(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // already broken; it is being discarded
    }
  }

  @Override
  public PoolStatus status() {
    boolean open = connection != null;
    boolean held = lock.isLocked();
    return new PoolStatus(1, open ? 1 : 0, open && !held ? 1 : 0, held ? 1 : 0, lock.getQueueLength());
  }

  @Override
  public void dispose() {
    lock.lock();
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // closing a memory database cannot lose anything further
    } finally {
      connection = null;
      lock.unlock();
    }
  }
}
