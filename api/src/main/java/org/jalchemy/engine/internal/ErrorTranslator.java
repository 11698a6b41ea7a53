package org.jalchemy.engine.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.DataError;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.exc.InternalError;
import org.jalchemy.exc.NotSupportedError;
import org.jalchemy.exc.OperationalError;
import org.jalchemy.exc.ProgrammingError;

/**
 * Wraps a driver's SQLException in the PEP 249 class its SQLSTATE (or, for SQLite, its result
 * code) names, keeping the statement and parameters.
 */
public final class ErrorTranslator {
  private ErrorTranslator() {}

  public static DBAPIError translate(SQLException e, String sql, List<?> params, boolean hide) {
    String state = e.getSQLState();
    if (e instanceof SQLTransientConnectionException
        || e instanceof SQLNonTransientConnectionException
        || e instanceof SQLTimeoutException) {
      return new OperationalError(sql, params, hide, e);
    }
    if ("HY000".equals(state)) { // MySQL/MariaDB's catch-all state (their driver throws plain SQLExceptions)
      DBAPIError mysql = mysqlGeneral(e, sql, params, hide);
      if (mysql != null) {
        return mysql;
      }
    }
    if (state != null && state.length() >= 2) {
      switch (state.substring(0, 2)) {
        case "23":
          return new IntegrityError(sql, params, hide, e);
        case "22":
          return new DataError(sql, params, hide, e);
        case "42", "3F", "26", "34", "3D":
          return new ProgrammingError(sql, params, hide, e);
        case "08", "40", "53", "57", "58", "HY", "55":
          return new OperationalError(sql, params, hide, e);
        case "0A":
          return new NotSupportedError(sql, params, hide, e);
        case "XX", "25", "2D":
          return new InternalError(sql, params, hide, e);
        default:
          break;
      }
    }
    if (e.getClass().getName().startsWith("org.sqlite.")) {
      return sqlite(e, sql, params, hide);
    }
    return new DBAPIError(sql, params, hide, e);
  }

  /**
   * MySQL/MariaDB report some data and constraint errors with the catch-all SQLSTATE HY000; their
   * error numbers say what they are. Null for the rest, which stay OperationalError.
   */
  private static DBAPIError mysqlGeneral(SQLException e, String sql, List<?> params, boolean hide) {
    return switch (e.getErrorCode()) {
      case 1364, 1048, 1062, 1451, 1452 -> new IntegrityError(sql, params, hide, e); // no default for NOT NULL field, null, duplicate, FK
      case 1292, 1366, 1265, 1406, 1264, 1367 -> new DataError(sql, params, hide, e); // incorrect/truncated/too long/out of range value
      default -> null;
    };
  }

  /** SQLite reports result codes, not SQLSTATEs; the primary code is the low byte. */
  private static DBAPIError sqlite(SQLException e, String sql, List<?> params, boolean hide) {
    int primary = e.getErrorCode() & 0xff;
    return switch (primary) {
      case 19 -> new IntegrityError(sql, params, hide, e); // SQLITE_CONSTRAINT
      case 18, 20, 25 -> new DataError(sql, params, hide, e); // TOOBIG, MISMATCH, RANGE
      case 1 -> new ProgrammingError(sql, params, hide, e); // SQLITE_ERROR: syntax, no such table
      case 5, 6, 8, 10, 13, 14 -> new OperationalError(sql, params, hide, e); // BUSY, LOCKED, READONLY, IOERR, FULL, CANTOPEN
      case 2, 11 -> new InternalError(sql, params, hide, e); // INTERNAL, CORRUPT
      default -> new DBAPIError(sql, params, hide, e);
    };
  }
}
