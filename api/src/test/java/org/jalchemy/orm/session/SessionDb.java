package org.jalchemy.orm.session;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.ExecutionContext;
import org.jalchemy.engine.ExecutionListener;
import org.jalchemy.orm.DeclarativeBase;
import org.jalchemy.orm.SessionMaker;
import org.jalchemy.orm.session.model.SesBase;
import org.jalchemy.schema.MetaData;
import org.jalchemy.testing.TestDatabase;

/**
 * One database for a Session test: fresh {@code ses_} tables, the SQL the engine runs (captured from
 * its events), and rows read back with plain JDBC.
 *
 * <pre>{@code
 * try (SessionDb db = new SessionDb(testDatabase)) { ...; assertThat(db.statements()).containsExactly("INSERT ses_user"); }
 * }</pre>
 */
final class SessionDb implements AutoCloseable {
  final Engine engine;
  final SessionMaker sessions;
  private final List<String> sql = new CopyOnWriteArrayList<>();
  /** The parameter sets of each executemany statement, in order. */
  final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

  SessionDb(TestDatabase db) {
    this(db, SessionMaker.Options.defaults());
  }

  SessionDb(TestDatabase db, SessionMaker.Options options) {
    engine = db.engine();
    MetaData md = DeclarativeBase.metadata(SesBase.class);
    md.dropAll(engine, true);
    md.createAll(engine);
    engine.addListener(new ExecutionListener() {
      @Override
      public void beforeExecute(ExecutionContext context) {
        sql.add(context.sql());
        if (context.executemany()) {
          batchSizes.add(context.parameters().size());
        }
      }
    });
    sessions = SessionMaker.of(engine, options);
  }

  /** The SQL run since the last call, and forgets it. */
  List<String> takeSql() {
    List<String> taken = new ArrayList<>(sql);
    sql.clear();
    return taken;
  }

  /** The statements run since the last call as "VERB table" ("INSERT ses_user", "SELECT ses_address"). */
  List<String> statements() {
    List<String> out = new ArrayList<>();
    for (String s : takeSql()) {
      out.add(shape(s));
    }
    return out;
  }

  static String shape(String sql) {
    String s = sql.replaceAll("[\"`]", "").replaceAll("\\s+", " ").trim();
    int delta = s.toUpperCase(Locale.ROOT).indexOf("FINAL TABLE (INSERT ");
    if (delta >= 0) {
      s = s.substring(delta + "FINAL TABLE (".length()); // H2's INSERT that returns keys: the INSERT is what counts
    }
    String upper = s.toUpperCase(Locale.ROOT);
    String verb = upper.substring(0, upper.indexOf(' '));
    String afterKeyword = switch (verb) {
      case "INSERT" -> s.substring(upper.indexOf("INTO ") + 5);
      case "UPDATE" -> s.substring(7);
      case "DELETE", "SELECT" -> s.substring(upper.indexOf(" FROM ") + 6);
      default -> s;
    };
    return verb + " " + afterKeyword.trim().split("[\\s(]")[0];
  }

  /** The SET clause of an UPDATE, without quotes and spaces: "fullname=?". */
  static String setClause(String updateSql) {
    String s = updateSql.replaceAll("[\"`\\s]", "");
    return s.substring(s.indexOf("SET") + 3, s.indexOf("WHERE"));
  }

  /** Rows of a query through plain JDBC on a connection of its own (the session must not hold one: SQLite memory has one). */
  List<List<Object>> rows(String query) throws SQLException {
    try (Connection conn = engine.connect(); Statement st = conn.jdbcConnection().createStatement();
         ResultSet rs = st.executeQuery(query)) {
      ResultSetMetaData md = rs.getMetaData();
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.add(v instanceof Number n && !(v instanceof java.math.BigDecimal) ? (Object) n.longValue() : v);
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** Runs DML through plain JDBC on a connection of its own and commits it: "another transaction". */
  int exec(String dml) throws SQLException {
    try (Connection conn = engine.connect(); Statement st = conn.jdbcConnection().createStatement()) {
      int count = st.executeUpdate(dml);
      if (!conn.jdbcConnection().getAutoCommit()) {
        conn.jdbcConnection().commit();
      }
      return count;
    }
  }

  @Override
  public void close() {
    engine.dispose();
  }
}
