package org.jalchemy.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Connections from a DataSource that someone else pools, such as an application server's (whose
 * connections also enlist in its JTA transactions). Release closes the handle, which returns the
 * connection to that pool.
 */
public final class DataSourcePool implements ConnectionPool {
  private final DataSource dataSource;
  private final AtomicInteger active = new AtomicInteger();

  public DataSourcePool(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The DataSource connections come from. */
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public Connection checkout() throws SQLException {
    Connection c = dataSource.getConnection();
    active.incrementAndGet();
    return c;
  }

  @Override
  public void release(Connection connection) throws SQLException {
    active.decrementAndGet();
    connection.close();
  }

  @Override
  public void invalidate(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // discarding a broken connection
    }
  }

  @Override
  public PoolStatus status() {
    int a = active.get();
    return new PoolStatus(-1, a, 0, a, 0);
  }

  @Override
  public void dispose() {
    // The DataSource belongs to its owner, who closes it.
  }
}
