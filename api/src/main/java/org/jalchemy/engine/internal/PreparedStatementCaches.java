package org.jalchemy.engine.internal;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link PreparedStatementCache} of each physical connection of one engine's pool. The pool
 * (HikariCP) closes and replaces connections without telling anyone, so whenever a connection not
 * seen before arrives, the caches of connections closed since are dropped: there are never more
 * than the pool's connections plus those it retired since its last new one.
 */
public final class PreparedStatementCaches {
  private final int capacity;
  private final Map<java.sql.Connection, PreparedStatementCache> byConnection = new ConcurrentHashMap<>();

  /** Caches of {@code capacity} statements per connection. */
  public PreparedStatementCaches(int capacity) {
    this.capacity = capacity;
  }

  /**
   * The cache of the physical connection under {@code pooled} (a pool's proxy, or the connection
   * itself); the statements it prepares bypass the proxy, which would close them on every release.
   */
  public PreparedStatementCache of(java.sql.Connection pooled) throws SQLException {
    java.sql.Connection physical = pooled.unwrap(java.sql.Connection.class);
    PreparedStatementCache cache = byConnection.get(physical);
    if (cache == null) {
      byConnection.values().removeIf(PreparedStatementCache::connectionClosed);
      cache = byConnection.computeIfAbsent(physical, c -> new PreparedStatementCache(c, capacity));
    }
    return cache;
  }

  /** How many connections have a cache (for tests). */
  public int connectionCount() {
    return byConnection.size();
  }

  /** How many statements the caches of all connections have prepared (for tests; not while connections are in use). */
  public int preparedCount() {
    int n = 0;
    for (PreparedStatementCache cache : byConnection.values()) {
      n += cache.preparedCount();
    }
    return n;
  }

  /** How many statements are idle in the caches of all connections (for tests; not while connections are in use). */
  public int idleCount() {
    int n = 0;
    for (PreparedStatementCache cache : byConnection.values()) {
      n += cache.idleCount();
    }
    return n;
  }

  /**
   * Forgets every cache (the engine's pool is being disposed): closing its connections closes their
   * statements, and a connection still in use keeps its cache until it goes back and is closed.
   */
  public void clear() {
    byConnection.clear();
  }
}
