package org.jalchemy.dialect.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Table;

/**
 * When MySQL and MariaDB give one multi-row INSERT consecutive AUTO_INCREMENT keys, so that the
 * statement's first key (its generated key, {@code LAST_INSERT_ID()}) tells every row's: the keys
 * are {@code first, first + step, …} in VALUES order, {@code step} being the session's
 * {@code auto_increment_increment}. That holds, as the server documents it, for an InnoDB table
 * while {@code innodb_autoinc_lock_mode} is 0 or 1 (a multi-row INSERT … VALUES is a "simple
 * insert": its number of rows is known and its keys are taken at once) and for the table-locking
 * engines MyISAM and Aria; it does not hold with lock mode 2 ("interleaved", Galera's), for
 * partitioned tables (not relied on here) or for a key column filled by a sequence default or a
 * trigger. Each of these is checked; where one fails the caller keeps {@code RETURNING}.
 *
 * <p>One instance per engine: the lock mode is read once (the server fixes it at startup), each
 * table's engine and key column once, the step once per executemany (a session can change it).
 */
public final class ConsecutiveAutoincrement {
  private static final Set<String> TABLE_LOCKING_OR_INNODB = Set.of("innodb", "myisam", "aria");

  private volatile boolean lockModeAllows;
  /** "schema.table.column" → whether its keys come consecutive. */
  private final ConcurrentHashMap<String, Boolean> tables = new ConcurrentHashMap<>();

  /** Reads the server's {@code innodb_autoinc_lock_mode}; a server without InnoDB's variable is taken as mode 2. */
  public void initialize(Connection connection) {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT @@innodb_autoinc_lock_mode")) {
      lockModeAllows = rs.next() && rs.getInt(1) <= 1;
    } catch (SQLException noInnoDb) {
      lockModeAllows = false;
    }
  }

  /**
   * The step between the keys of one multi-row INSERT into {@code table}, or 0 where they are not
   * known to be consecutive (then every key must be read back). Never throws: a failed check means 0.
   */
  public long step(Connection connection, Table table, Column<?> key) {
    if (!lockModeAllows) {
      return 0;
    }
    try {
      if (!consecutive(connection, table, key)) {
        return 0;
      }
      try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT @@auto_increment_increment")) {
        return rs.next() ? Math.max(0, rs.getLong(1)) : 0;
      }
    } catch (SQLException e) {
      return 0;
    }
  }

  private boolean consecutive(Connection connection, Table table, Column<?> key) throws SQLException {
    String name = table.schema() + "." + table.name() + "." + key.name();
    Boolean known = tables.get(name);
    if (known != null) {
      return known;
    }
    boolean yes = false;
    String sql = "SELECT t.ENGINE, t.CREATE_OPTIONS, c.EXTRA FROM information_schema.TABLES t"
        + " JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME"
        + " WHERE t.TABLE_SCHEMA = COALESCE(?, DATABASE()) AND t.TABLE_NAME = ? AND c.COLUMN_NAME = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, table.schema());
      ps.setString(2, table.name());
      ps.setString(3, key.name());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          String engine = lower(rs.getString(1));
          yes = TABLE_LOCKING_OR_INNODB.contains(engine) && !lower(rs.getString(2)).contains("partitioned")
              && lower(rs.getString(3)).contains("auto_increment");
        }
      }
    }
    tables.put(name, yes);
    return yes;
  }

  /** Forgets what was learnt of {@code table} (it was dropped or created: its engine or key column may differ now). */
  public void forget(Table table) {
    tables.keySet().removeIf(k -> k.startsWith(table.schema() + "." + table.name() + "."));
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
