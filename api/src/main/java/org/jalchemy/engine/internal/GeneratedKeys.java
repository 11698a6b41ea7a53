package org.jalchemy.engine.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.schema.Column;
import org.jalchemy.sql.compiler.CompiledStatement;

/**
 * The keys the database generates for INSERTs, as each driver hands them back: how a statement
 * asks for them (by column name where the driver would return more), and how they are read for
 * one row ({@link InsertedKeyPlan}) and for every row of a batch (in row order from the driver,
 * or worked out from SQLite's last rowid).
 */
public final class GeneratedKeys {
  private GeneratedKeys() {}

  private static boolean isSqlite(Dialect dialect) {
    return "sqlite".equals(dialect.name());
  }

  /** A statement for one execution on {@code on}, asking for the generated key its INSERT leaves to the database. */
  public static PreparedStatement prepare(Dialect dialect, java.sql.Connection on, String sql, InsertedKeyPlan keys)
      throws SQLException {
    return keys.fetched() == null ? on.prepareStatement(sql)
        : keys.autoincrementCount() == 1 ? prepareReturningKey(dialect, on, sql, keys.fetched())
        : on.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
  }

  /** A batch statement, asking for generated keys when {@code generated} is set ({@link #prepareReturningKey}). */
  public static PreparedStatement prepareBatch(Dialect dialect, java.sql.Connection raw, String sql, Column<?> generated)
      throws SQLException {
    if (generated == null || isSqlite(dialect)) {
      return raw.prepareStatement(sql); // on SQLite the batch's keys follow from last_insert_rowid()
    }
    return prepareReturningKey(dialect, raw, sql, generated);
  }

  /**
   * A statement that hands back the generated {@code key}: by column name where the driver would
   * return more ({@link #askedByName}), as the driver's generated keys elsewhere.
   */
  public static PreparedStatement prepareReturningKey(Dialect dialect, java.sql.Connection on, String sql, Column<?> key)
      throws SQLException {
    if (askedByName(dialect)) {
      return on.prepareStatement(sql, new String[] {key.name()});
    }
    return on.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
  }

  /**
   * Whether a one-column generated key is asked for by name, so that it alone comes back: pgjdbc
   * would otherwise return the whole row (RETURNING *), and H2 every identity, key and defaulted
   * column. The other drivers return just the key either way.
   */
  public static boolean askedByName(Dialect dialect) {
    String name = dialect.name();
    return name.equals("postgresql") || name.equals("h2");
  }

  /**
   * The autoincrement key column an executemany INSERT leaves to the database, when the driver
   * reports the keys of every row of a batch; else null (no keys asked for).
   */
  public static Column<?> batchGeneratedKey(Dialect dialect, InsertedKeyPlan keys) {
    return keys.autoincrementCount() == 1 && dialect.batchReturnsGeneratedKeys() ? keys.fetched() : null;
  }

  /** The primary key of each row of a batch, the generated column read from getGeneratedKeys in row order. */
  public static List<List<Object>> batchKeys(Dialect dialect, java.sql.Connection raw, PreparedStatement ps,
      CompiledStatement c, InsertedKeyPlan keys, List<List<Object>> batch) throws SQLException {
    Column<?> generated = keys.fetched();
    if (isSqlite(dialect)) { // SQLite tells only the last rowid: the keys are worked out from it
      var quote = dialect.identifiers();
      List<Object> rowids = SqliteBatchKeys.keys(raw, quote.quote(c.table().name()), c.table().name(),
          quote.quote(generated.name()), generated.type(), batch.size());
      return keyRows(keys, batch, rowids);
    }
    List<Object> generatedValues = new ArrayList<>(batch.size());
    try (ResultSet rs = ps.getGeneratedKeys()) {
      int index = -1;
      while (rs != null && rs.next()) {
        if (index < 0) {
          index = keyColumnIndex(rs, generated);
        }
        generatedValues.add(generated.type().coerce(rs.getObject(index)));
      }
    }
    if (generatedValues.size() != batch.size()) {
      throw new InvalidRequestError("the JDBC driver returned " + generatedValues.size() + " generated key(s) for a batch of "
          + batch.size() + " rows inserted into " + c.table().name() + "; the keys cannot be matched to the rows, so the "
          + "transaction must be rolled back (this dialect should not claim batchReturnsGeneratedKeys)");
    }
    return keyRows(keys, batch, generatedValues);
  }

  /** Each row's primary key: the generated value, with the key columns the row gave itself. */
  public static List<List<Object>> keyRows(InsertedKeyPlan keys, List<List<Object>> batch, List<Object> generatedValues) {
    if (keys.isFetchedAlone() && !generatedValues.contains(null)) {
      // The usual generated one-column key: each row's key list is made when it is read (a
      // 100,000-row flush reads each once and drops it), not kept for every row at once.
      return new java.util.AbstractList<>() {
        @Override
        public List<Object> get(int row) {
          return List.of(generatedValues.get(row));
        }

        @Override
        public int size() {
          return generatedValues.size();
        }
      };
    }
    List<List<Object>> rows = new ArrayList<>(batch.size());
    for (int row = 0; row < batch.size(); row++) {
      rows.add(keys.key(batch.get(row), generatedValues.get(row)));
    }
    return Collections.unmodifiableList(rows);
  }

  /** The primary key of the row a single-row INSERT just inserted, its generated column read from the driver. */
  public static List<Object> insertedKey(Dialect dialect, InsertedKeyPlan keys, List<Object> values, PreparedStatement ps)
      throws SQLException {
    Column<?> fetched = keys.fetched();
    Object generatedValue = null;
    if (fetched != null) {
      try (ResultSet rs = ps.getGeneratedKeys()) {
        if (rs != null && rs.next()) {
          int index = keys.autoincrementCount() == 1 && askedByName(dialect) ? 1 : keyColumnIndex(rs, fetched);
          generatedValue = fetched.type().coerce(rs.getObject(index));
        }
      }
    }
    return keys.key(values, generatedValue);
  }

  /**
   * Where the key is among the generated-keys columns: pgjdbc returns every column of the row
   * when asked with RETURN_GENERATED_KEYS (RETURNING *), so the first is not necessarily the key;
   * asked by name (as jalchemy does for a one-column key) and on other drivers, just the key.
   */
  private static int keyColumnIndex(ResultSet keys, Column<?> column) throws SQLException {
    ResultSetMetaData md = keys.getMetaData();
    if (md.getColumnCount() > 1) {
      for (int i = 1; i <= md.getColumnCount(); i++) {
        if (md.getColumnLabel(i).equalsIgnoreCase(column.name())) {
          return i;
        }
      }
    }
    return 1;
  }
}
