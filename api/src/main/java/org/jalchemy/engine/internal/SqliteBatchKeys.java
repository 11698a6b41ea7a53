package org.jalchemy.engine.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.types.SqlType;

/**
 * The generated keys of a SQLite INSERT batch, which the driver does not report: SQLite gives only
 * the last rowid. Inside our write transaction no other connection can insert, and each new rowid
 * is the largest in the table plus one, so the batch's {@code n} rows hold the {@code n} rowids
 * ending at the last. The table's largest key must then be that last rowid: a trigger that inserts
 * into the same table after our rows, or rowids picked at random (SQLite's way once the largest
 * is 2^63-1), show as a larger key, and the batch fails (the flush rolls back) rather than give
 * objects wrong keys. One indexed lookup; it replaced a count over the batch's range (5 ms for
 * 100,000 rows, 6% of the ORM's bulk insert on SQLite) that could not catch more: rows a BEFORE
 * INSERT trigger adds to the same table fall between ours and pass both checks (docs/orm-session.md).
 */
public final class SqliteBatchKeys {
  private SqliteBatchKeys() {}

  /**
   * The keys of the batch's {@code n} rows in row order, as {@code type} values.
   *
   * @param table the quoted table name
   * @param column the quoted rowid-alias key column
   */
  public static List<Object> keys(Connection raw, String table, String tableName, String column, SqlType<?> type, int n)
      throws SQLException {
    long last;
    long largest;
    try (Statement st = raw.createStatement();
        ResultSet rs = st.executeQuery("SELECT last_insert_rowid(), (SELECT max(" + column + ") FROM " + table + ")")) {
      rs.next();
      last = rs.getLong(1);
      largest = rs.getLong(2);
    }
    if (largest != last || last == Long.MAX_VALUE) {
      throw new InvalidRequestError("SQLite did not give the " + n + " rows inserted into " + tableName
          + " consecutive rowids ending at " + last + " (the table's largest key is " + largest + "); their keys cannot "
          + "be told apart (a trigger inserting into the same table, or rowids at the top of their range); insert them "
          + "one at a time");
    }
    List<Object> keys = new ArrayList<>(n);
    boolean integer = type.javaType() == Integer.class; // the usual key type: boxed once, not as a Long first
    for (long k = last - n + 1; k <= last; k++) {
      keys.add(integer ? Integer.valueOf((int) k) : type.coerce(k));
    }
    return keys;
  }
}
