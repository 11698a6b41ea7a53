package org.jalchemy.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Properties;

/**
 * A HikariCP pool, created on the first checkout so that creating an engine opens no connection.
 * Connections are handed out with auto-commit off; the engine's Connection ends each transaction.
 */
public final class HikariConnectionPool implements ConnectionPool {
  private final String jdbcUrl;
  private final String username;
  private final String password;
  private final Map<String, String> properties;
  private final PoolOptions options;
  private final String poolName;
  private volatile HikariDataSource dataSource;

  public HikariConnectionPool(
      String jdbcUrl, String username, String password, Map<String, String> properties, PoolOptions options,
      String poolName) {
    this.jdbcUrl = jdbcUrl;
    this.username = username;
    this.password = password;
    this.properties = Map.copyOf(properties);
    this.options = options;
    this.poolName = poolName;
  }

  private HikariDataSource dataSource() {
    HikariDataSource ds = dataSource;
    if (ds == null) {
      synchronized (this) {
        ds = dataSource;
        if (ds == null) {
          ds = new HikariDataSource(config());
          dataSource = ds;
        }
      }
    }
    return ds;
  }

  private HikariConfig config() {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(jdbcUrl);
    if (username != null) {
      c.setUsername(username);
    }
    if (password != null) {
      c.setPassword(password);
    }
    Properties p = new Properties();
    p.putAll(properties);
    c.setDataSourceProperties(p);
    c.setMaximumPoolSize(options.size());
    c.setMinimumIdle(0);
    c.setConnectionTimeout(Math.max(250, options.timeout().toMillis()));
    c.setMaxLifetime(Math.max(30_000, options.recycle().toMillis()));
    c.setAutoCommit(false);
    // Lazy as SQLAlchemy's engines are: no connection is attempted until the first checkout.
    c.setInitializationFailTimeout(-1);
    c.setPoolName(poolName);
    if (!options.leakDetection().isZero()) {
      c.setLeakDetectionThreshold(Math.max(2000, options.leakDetection().toMillis()));
    }
    return c;
  }

  @Override
  public Connection checkout() throws SQLException {
    Connection c;
    try {
      c = dataSource().getConnection();
    } catch (SQLTransientConnectionException e) {
      PoolStatus s = status();
      throw new SQLTransientConnectionException(
          "connection pool exhausted: pool size " + options.size() + " reached (" + s.active()
              + " checked out), no connection returned within the pool timeout of " + options.timeout().toMillis()
              + " ms; close connections and sessions sooner, or raise the pool size or timeout"
              + (e.getMessage() == null ? "" : " (HikariCP: " + e.getMessage() + ")"),
          "08001", e);
    }
    if (options.prePing() && !c.isValid(5)) {
      dataSource().evictConnection(c);
      c = dataSource().getConnection();
    }
    return c;
  }

  @Override
  public void release(Connection connection) throws SQLException {
    connection.close();
  }

  @Override
  public void invalidate(Connection connection) {
    HikariDataSource ds = dataSource;
    if (ds != null) {
      ds.evictConnection(connection);
    }
  }

  @Override
  public PoolStatus status() {
    HikariDataSource ds = dataSource;
    if (ds == null) {
      return new PoolStatus(options.size(), 0, 0, 0, 0);
    }
    HikariPoolMXBean bean = ds.getHikariPoolMXBean();
    if (bean == null) {
      return new PoolStatus(options.size(), 0, 0, 0, 0);
    }
    return new PoolStatus(
        options.size(), bean.getTotalConnections(), bean.getIdleConnections(), bean.getActiveConnections(),
        bean.getThreadsAwaitingConnection());
  }

  @Override
  public synchronized void dispose() {
    HikariDataSource ds = dataSource;
    dataSource = null;
    if (ds != null) {
      ds.close();
    }
  }
}
