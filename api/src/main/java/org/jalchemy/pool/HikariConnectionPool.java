package org.jalchemy.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;

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
  /** When each physical connection was first handed out, for recycle; weak so closed ones go. */
  private final Map<Connection, Long> firstSeen = new WeakHashMap<>();
  /** The shortest maxLifetime Hikari accepts; below it, recycle is enforced on checkout. */
  private static final long HIKARI_MIN_LIFETIME_MS = 30_000;

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
    // Hikari's floor for maxLifetime is 30 s; shorter recycle times are enforced on checkout.
    c.setMaxLifetime(options.recycle().isZero() ? 0 : Math.max(HIKARI_MIN_LIFETIME_MS, options.recycle().toMillis()));
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
    HikariDataSource ds = dataSource();
    // Each round either returns a usable connection or discards one that is dead or too old, so
    // a pool full of connections a server restart killed is drained in at most size + 1 rounds.
    for (int round = 0; ; round++) {
      Connection c = borrow(ds);
      String reason = staleness(c);
      if (reason == null || round > options.size()) {
        return c;
      }
      System.getLogger("org.jalchemy.pool")
          .log(System.Logger.Level.DEBUG, "{0}: discarding a connection on checkout: {1}", poolName, reason);
      ds.evictConnection(c);
    }
  }

  private Connection borrow(HikariDataSource ds) throws SQLException {
    try {
      return ds.getConnection();
    } catch (SQLTransientConnectionException e) {
      throw timeout(e);
    }
  }

  /**
   * Why {@code c} must not be handed out (older than recycle, or failing pre-ping), or null. Hikari
   * enforces maxLifetime only from 30 s upwards and in the background, so recycle is checked here,
   * on checkout, as SQLAlchemy's pool_recycle is.
   */
  private String staleness(Connection c) throws SQLException {
    // From 30 s up Hikari's maxLifetime is the recycle time and Hikari never hands out a
    // connection past it; only a shorter recycle is tracked here (a map look-up under a lock per
    // checkout, which the default of 30 minutes does not pay).
    if (!options.recycle().isZero() && options.recycle().toMillis() < HIKARI_MIN_LIFETIME_MS) {
      Connection physical = c.unwrap(Connection.class);
      long now = System.nanoTime();
      Long born;
      synchronized (firstSeen) {
        born = firstSeen.putIfAbsent(physical, now);
      }
      if (born != null && now - born > options.recycle().toNanos()) {
        return "older than the recycle time of " + options.recycle().toMillis() + " ms";
      }
    }
    if (options.prePing() && !c.isValid(5)) {
      return "pre-ping failed (the server closed it)";
    }
    return null;
  }

  /**
   * Hikari reports both an exhausted pool and an unreachable database as a timeout; the cause
   * tells them apart, and each gets a message naming the fix.
   */
  private SQLException timeout(SQLTransientConnectionException e) {
    Throwable cause = e.getCause();
    if (cause != null) {
      String state = cause instanceof SQLException se && se.getSQLState() != null ? se.getSQLState() : "08001";
      return new SQLTransientConnectionException(
          "could not connect to " + redact(jdbcUrl) + " within the pool timeout of "
              + options.timeout().toMillis() + " ms: " + cause.getMessage()
              + "; check that the database is running and the URL, user and password are right",
          state, e);
    }
    PoolStatus s = status();
    if (s.active() < options.size()) {
      // Room in the pool, yet no connection: opening one did not finish in time (a server that
      // does not answer, or a driver retrying a refused connection).
      return new SQLTransientConnectionException(
          "could not connect to " + redact(jdbcUrl) + ": no connection could be opened within the pool timeout of "
              + options.timeout().toMillis() + " ms (" + s.active() + " of " + options.size()
              + " in use); check that the database is running and reachable, or raise the pool timeout",
          "08001", e);
    }
    return new SQLTransientConnectionException(
        "connection pool exhausted: pool size " + options.size() + " reached (" + s.active()
            + " checked out), no connection returned within the pool timeout of " + options.timeout().toMillis()
            + " ms; close connections and sessions sooner, or raise the pool size or timeout"
            + (e.getMessage() == null ? "" : " (HikariCP: " + e.getMessage() + ")"),
        "08001", e);
  }

  /** A plain JDBC URL may carry a password; it never reaches a message. */
  private static String redact(String url) {
    return url.replaceAll("(://[^:@/]*:)[^@/]*@", "$1***@").replaceAll("(?i)([?&;:]password=)[^&;]*", "$1***");
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
