package org.jalchemy.engine.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jalchemy.sql.compiler.CompiledStatement;

/**
 * The prepared statements of one physical JDBC connection kept open between uses, for drivers that
 * parse and plan the SQL anew on every {@code prepareStatement} (SQLite's, and embedded H2's,
 * whose own query cache is emptied by every ROLLBACK). Python's sqlite3 module keeps such a cache
 * per connection too; pgjdbc and the MariaDB driver keep their own and need none.
 *
 * <p>A statement is taken out while it runs and given back when its result is closed, so two
 * results of the same SQL open at once each have their own. Statements are keyed by the compiled
 * statement they were prepared for (the compiled-statement cache hands out one per shape), and the
 * least recently given back is closed when more than the capacity are idle. Used by one thread at
 * a time: the one holding the connection.
 */
public final class PreparedStatementCache {
  /** Prepares a statement on the physical connection, asking for generated keys as its SQL needs. */
  public interface Preparer {
    PreparedStatement prepare(java.sql.Connection physical) throws SQLException;
  }

  private final java.sql.Connection physical;
  private final Map<CompiledStatement, PreparedStatement> idle;
  private int prepared;

  PreparedStatementCache(java.sql.Connection physical, int capacity) {
    this.physical = physical;
    this.idle = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<CompiledStatement, PreparedStatement> eldest) {
        if (size() > capacity) {
          closeQuietly(eldest.getValue());
          return true;
        }
        return false;
      }
    };
  }

  /** The idle statement prepared for {@code compiled}, taken out; else a new one from {@code preparer}. */
  public PreparedStatement take(CompiledStatement compiled, Preparer preparer) throws SQLException {
    PreparedStatement ps = idle.remove(compiled);
    if (ps != null) {
      return ps;
    }
    prepared++;
    return preparer.prepare(physical);
  }

  /**
   * Gives a statement back once its result is closed; its parameters are cleared so that no value
   * is held. One is kept per compiled statement: a second, from overlapping results, is closed.
   */
  public void giveBack(CompiledStatement compiled, PreparedStatement ps) {
    try {
      ps.clearParameters();
    } catch (SQLException e) {
      closeQuietly(ps); // a statement its driver will not reset is not used again
      return;
    }
    PreparedStatement previous = idle.putIfAbsent(compiled, ps);
    if (previous != null) {
      closeQuietly(ps);
    }
  }

  /** How many statements this cache has prepared (for tests). */
  public int preparedCount() {
    return prepared;
  }

  /** How many statements are idle (for tests). */
  public int idleCount() {
    return idle.size();
  }

  boolean connectionClosed() {
    try {
      return physical.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  private static void closeQuietly(PreparedStatement ps) {
    try {
      ps.close();
    } catch (SQLException ignored) {
      // a statement of a connection that is going away; nothing more to release
    }
  }
}
