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
   * as {@link #fromBatch} does: a page that wrote another number of rows or reported no key.
   */
  public static long run(PreparedStatement page, int rows, long step, SqlType<?> keyType, String table, List<Object> into)
      throws SQLException {
    return fromBatch(page, new int[] {page.executeUpdate()}, rows, step, keyType, table, into);
  }

  /**
   * The keys of a JDBC batch of pages of {@code pageRows} rows each, already run ({@code counts}
   * its update counts): the driver reports each page's first key (or, from MariaDB 11.5 on, may
   * report every row's, taken as they come). Returns the rows written. Fails (the caller rolls
   * back) when the pages wrote another number of rows or a key is missing: the keys could not be
   * matched to the rows then.
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
    boolean noKey = reported.stream().anyMatch(key -> key <= 0);
    if (written != rows || !(firstOfEach || reported.size() == rows) || noKey) {
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
