package org.jalchemy.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jalchemy.bench.Data.Small;

/** The raw JDBC baseline of every workload: what the libraries are measured against. */
final class JdbcVariants {
  private JdbcVariants() {}

  static final String INSERT = "INSERT INTO bench_customer (name, description) VALUES (?, ?)";
  static final String SELECT = "SELECT id, name, description FROM bench_customer";

  /** One transaction, one batch of every row. */
  static long bulkInsert(DataSource ds, int n) throws Exception {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (int i = 0; i < n; i++) {
        ps.setString(1, Data.name(i));
        ps.setString(2, Data.description(i));
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    }
    return n;
  }

  /** All rows into small objects. */
  static long fetch(DataSource ds) throws Exception {
    List<Small> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Small(rs.getInt(1), rs.getString(2), rs.getString(3)));
      }
      c.rollback();
    }
    return consume(out);
  }

  /** A row of values by position, as a row API keeps one (the diagnostic variant's element). */
  record ValuesRow(Object[] values) {}

  /**
   * All rows into arrays of boxed values, each in a small holder: what any result of rows by
   * position allocates per row (an array, a boxed key, a holder), read with the typed getters.
   */
  static long fetchValueArrays(DataSource ds) throws Exception {
    List<ValuesRow> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new ValuesRow(new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3)}));
      }
      c.rollback();
    }
    long chars = 0;
    for (ValuesRow r : out) {
      chars += ((String) r.values()[1]).length();
    }
    return chars > 0 || out.isEmpty() ? out.size() : -1;
  }

  /** Reads a streamed result's rows; each variant's loop is its own method, compiled for it alone. */
  private interface StreamReader {
    long read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs the SELECT streamed 1,000 rows at a time (fetch size) and hands its result to {@code reader}.
   * Embedded H2 ignores the fetch size and computes the whole result before the first row; it
   * streams only with lazy query execution (a session setting), so that is set around the query
   * there, as jalchemy's {@code yieldPer} does.
   */
  private static long streamed(DataSource ds, StreamReader reader) throws Exception {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT)) {
      boolean h2 = c.getMetaData().getURL().startsWith("jdbc:h2:");
      ps.setFetchSize(1000);
      if (h2) {
        lazyQueryExecution(c, true);
      }
      long result;
      try (ResultSet rs = ps.executeQuery()) {
        result = reader.read(rs);
      } finally {
        if (h2) {
          lazyQueryExecution(c, false);
        }
      }
      c.rollback();
      return result;
    }
  }

  /** All rows, streamed ({@link #streamed}) into small objects, none kept. */
  static long fetchStreaming(DataSource ds) throws Exception {
    return streamed(ds, rs -> {
      long n = 0;
      long chars = 0;
      while (rs.next()) {
        Small s = new Small(rs.getInt(1), rs.getString(2), rs.getString(3));
        chars += s.name().length();
        n++;
      }
      return chars > 0 ? n : -1;
    });
  }

  /**
   * The last row {@link #fetchStreamingValueArrays} read: a plain static field, so that each row's
   * array leaves the loop (as a row API's row leaves its cursor for the caller's loop) and the JIT
   * cannot replace it by its fields, as it does raw streaming's small object.
   */
  static ValuesRow lastStreamed;

  /**
   * All rows streamed as {@link #fetchStreaming}, each into an array of boxed values in a holder
   * that leaves the loop: what a streamed result of rows by position allocates per row, without
   * anything else of a library. The floor under Core's {@code yieldPer} rows.
   */
  static long fetchStreamingValueArrays(DataSource ds) throws Exception {
    long read = streamed(ds, rs -> {
      long n = 0;
      long chars = 0;
      while (rs.next()) {
        ValuesRow row = new ValuesRow(new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3)});
        lastStreamed = row;
        chars += ((String) row.values()[1]).length();
        n++;
      }
      return chars > 0 ? n : -1;
    });
    lastStreamed = null;
    return read;
  }

  private static void lazyQueryExecution(Connection c, boolean on) throws SQLException {
    try (java.sql.Statement st = c.createStatement()) {
      st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
    }
  }

  /** Checkout, INSERT, COMMIT, n times. */
  static long singleInserts(DataSource ds, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
        ps.setString(1, Data.name(i));
        ps.setString(2, Data.description(i));
        ps.executeUpdate();
        c.commit();
      }
    }
    return n;
  }

  /**
   * Checkout, INSERT, read the generated key, COMMIT, n times: what an ORM must do (the object
   * gets its key), and what jalchemy Core does for {@code insertedPrimaryKey()}. The key is asked
   * for by name where the driver would otherwise return more columns (PostgreSQL, H2), as jalchemy does.
   */
  static long singleInsertsReadingKey(DataSource ds, String database, int n) throws Exception {
    boolean byName = database.equals("postgresql") || database.equals("h2");
    long keys = 0;
    for (int i = 0; i < n; i++) {
      try (Connection c = ds.getConnection();
          PreparedStatement ps = byName ? c.prepareStatement(INSERT, new String[] {"id"})
              : c.prepareStatement(INSERT, java.sql.Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, Data.name(i));
        ps.setString(2, Data.description(i));
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          if (rs.next() && rs.getLong(1) > 0) {
            keys++;
          }
        }
        c.commit();
      }
    }
    if (keys != n) {
      throw new IllegalStateException("only " + keys + " of " + n + " inserts reported their generated key");
    }
    return n;
  }

  /** Checkout, SELECT by key into a small object, release, once per id. */
  static long pkSelects(DataSource ds, int[] ids) throws Exception {
    long found = 0;
    for (int id : ids) {
      try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
        ps.setInt(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && new Small(rs.getInt(1), rs.getString(2), rs.getString(3)).id() == id) {
            found++;
          }
        }
        c.rollback();
      }
    }
    return found;
  }

  /** Reads every row, then one batch of UPDATE … WHERE id = ?, one transaction. */
  static long bulkUpdate(DataSource ds) throws Exception {
    List<Small> rows = new ArrayList<>();
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(SELECT); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Small(rs.getInt(1), rs.getString(2), rs.getString(3)));
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE bench_customer SET description = ? WHERE id = ?")) {
        for (Small s : rows) {
          ps.setString(1, Data.updated(s.id()));
          ps.setInt(2, s.id());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
    return rows.size();
  }

  /** The ids of the table, for the primary-key lookups (untimed). */
  static int[] ids(DataSource ds) throws Exception {
    List<Integer> ids = new ArrayList<>();
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id FROM bench_customer ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getInt(1));
      }
      c.rollback();
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Touches every object so nothing is optimized away; returns how many there were. */
  static long consume(List<Small> rows) {
    long chars = 0;
    for (Small s : rows) {
      chars += s.name().length();
    }
    return chars > 0 || rows.isEmpty() ? rows.size() : -1;
  }
}
