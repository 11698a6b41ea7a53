package org.jalchemy.engine.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.types.SqlType;

/**
 * The keys of one multi-row INSERT page whose keys the database hands out consecutively
 * ({@code Dialect.consecutiveKeyStep}): the page's generated key is its first row's, the others
 * follow at {@code step}. Used instead of {@code RETURNING} every key.
 */
public final class ConsecutivePageKeys {
  private ConsecutivePageKeys() {}

  /**
   * Runs the bound page and adds its rows' keys to {@code into}; returns the rows written. Fails
   * (the caller rolls back) when the page wrote another number of rows or reported no key: the
   * keys could not be matched to the rows then.
   */
  public static long run(PreparedStatement page, int rows, long step, SqlType<?> keyType, String table, List<Object> into)
      throws SQLException {
    long written = page.executeUpdate();
    long first = 0;
    try (ResultSet rs = page.getGeneratedKeys()) {
      if (rs != null && rs.next()) {
        first = rs.getLong(1);
      }
    }
    if (written != rows || first <= 0) {
      throw new InvalidRequestError("a " + rows + "-row INSERT into " + table + " wrote " + written
          + " row(s) and reported first key " + first + "; the keys cannot be matched to the rows, so the transaction "
          + "must be rolled back (is the key column AUTO_INCREMENT, without a trigger that sets it?)");
    }
    for (int i = 0; i < rows; i++) {
      into.add(keyType.coerce(first + i * step));
    }
    return written;
  }

  /**
   * The keys of a JDBC batch of pages of {@code pageRows} rows each, already run ({@code counts}
   * its update counts): the driver reports each page's first key (or, from MariaDB 11.5 on, may
   * report every row's, taken as they come). Returns the rows written; fails as {@link #run} does.
   */
  public static long fromBatch(PreparedStatement pages, int[] counts, int pageRows, long step, SqlType<?> keyType,
      String table, List<Object> into) throws SQLException {
    long written = 0;
    for (int n : counts) {
      written += n;
    }
    List<Long> reported = new java.util.ArrayList<>(counts.length);
    try (ResultSet rs = pages.getGeneratedKeys()) {
      while (rs != null && rs.next()) {
        reported.add(rs.getLong(1));
      }
    }
    long rows = (long) counts.length * pageRows;
    boolean firstOfEach = reported.size() == counts.length;
    if (written != rows || !(firstOfEach || reported.size() == rows) || reported.contains(0L)) {
      throw new InvalidRequestError(counts.length + " INSERT pages of " + pageRows + " rows into " + table + " wrote "
          + written + " row(s) and reported " + reported.size() + " key(s); the keys cannot be matched to the rows, "
          + "so the transaction must be rolled back (is the key column AUTO_INCREMENT, without a trigger that sets it?)");
    }
    for (long key : reported) {
      if (firstOfEach) {
        for (int i = 0; i < pageRows; i++) {
          into.add(keyType.coerce(key + i * step));
        }
      } else {
        into.add(keyType.coerce(key));
      }
    }
    return written;
  }
}
