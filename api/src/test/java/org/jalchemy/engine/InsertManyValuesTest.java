package org.jalchemy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.insert;
import static org.jalchemy.Jalchemy.text;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jalchemy.result.CursorResult;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An executemany INSERT that wants keys goes as pages of multi-row VALUES ("insertmanyvalues") on
 * PostgreSQL, MariaDB and H2, and without keys on PostgreSQL and MariaDB; the generated keys of
 * every page land on the right rows, and pages of large rows stay within the server's packet limit.
 */
class InsertManyValuesTest {
  private static final int ROWS = 2_500;

  private final MetaData md = new MetaData();
  private final Table things = md.table("eng_imv_thing");
  private final Column<Long> id = things.column("id", Types.BIG_INTEGER).primaryKey();
  private final Column<String> name = things.column("name", Types.string(40)).notNull();

  private record Sent(String sql, int parameterSets, boolean executemany) {}

  private static List<Map<String, Object>> rows() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(Map.of("name", "thing " + i));
    }
    return rows;
  }

  private static List<Sent> capture(Engine engine) {
    List<Sent> sent = new CopyOnWriteArrayList<>();
    engine.addListener(new ExecutionListener() {
      @Override
      public void beforeExecute(ExecutionContext ctx) {
        if (ctx.sql().contains("INSERT INTO")) {
          sent.add(new Sent(ctx.sql(), ctx.parameters().size(), ctx.executemany()));
        }
      }
    });
    return sent;
  }

  private Engine freshTable(TestDatabase db) {
    Engine engine = db.engine();
    md.dropAll(engine, true);
    md.createAll(engine);
    return engine;
  }

  /** The ROWS rows as one executemany of {@code insert}, committed; every row counted. */
  private static CursorResult<?> insertAll(Engine engine, org.jalchemy.sql.Insert<?> insert) {
    try (Connection conn = engine.connect()) {
      CursorResult<?> r = conn.execute(insert, rows());
      assertThat(r.rowcount()).isEqualTo(ROWS);
      conn.commit();
      return r;
    }
  }

  private static int valueGroups(String sql) {
    return sql.split("\\(\\?, \\?\\)|\\(\\?\\)", -1).length - 1;
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void generatedKeysOfEveryPageMatchTheirRows(TestDatabase db) throws Exception {
    try (Engine engine = freshTable(db)) {
      List<Sent> sent = capture(engine);
      CursorResult<?> r = insertAll(engine, insert(things).withGeneratedKeys());
      List<List<Object>> keys = r.insertedPrimaryKeyRows();
      if (db.name().equals("mariadb") || db.name().equals("sqlite")) {
        // keys known without RETURNING (MariaDbConsecutiveKeysTest; SQLite's from its last rowid):
        // the two full pages as one batch, then the last
        assertThat(sent).extracting(Sent::parameterSets).containsExactly(2000, 500);
        assertThat(sent).allSatisfy(s -> assertThat(s.sql()).doesNotContain("RETURNING"));
        assertThat(sent).extracting(s -> valueGroups(s.sql())).containsExactly(1000, 500);
      } else {
        assertThat(sent).extracting(Sent::parameterSets).containsExactly(1000, 1000, 500);
        assertThat(sent).allSatisfy(s -> {
          assertThat(s.executemany()).isTrue();
          assertThat(s.sql()).containsAnyOf("RETURNING", "FINAL TABLE");
          assertThat(valueGroups(s.sql())).as("one VALUES row per parameter set").isEqualTo(s.parameterSets());
        });
      }
      Map<Long, String> stored = new HashMap<>();
      try (Connection conn = engine.connect(); Statement st = conn.jdbcConnection().createStatement();
          ResultSet rs = st.executeQuery("SELECT id, name FROM eng_imv_thing")) {
        while (rs.next()) {
          stored.put(rs.getLong(1), rs.getString(2));
        }
      }
      assertThat(stored).hasSize(ROWS);
      assertThat(keys).hasSize(ROWS);
      for (int i = 0; i < ROWS; i++) {
        assertThat(stored.get(((Number) keys.get(i).get(0)).longValue())).as("row %d's key", i).isEqualTo("thing " + i);
      }
      md.dropAll(engine);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void withoutKeysTheRowsGoAsPipelinedPages(TestDatabase db) throws Exception {
    try (Engine engine = freshTable(db)) {
      List<Sent> sent = capture(engine);
      insertAll(engine, insert(things));
      // the two full pages as one JDBC batch (pgjdbc and MariaDB's driver pipeline it), then the last page
      assertThat(sent).extracting(Sent::parameterSets).containsExactly(2000, 500);
      assertThat(sent).noneSatisfy(s -> assertThat(s.sql()).containsAnyOf("RETURNING", "FINAL TABLE"));
      assertThat(sent).extracting(s -> valueGroups(s.sql())).containsExactly(1000, 500);
      try (Connection conn = engine.connect()) {
        assertThat(conn.execute(text("SELECT count(*) FROM eng_imv_thing")).scalarOne())
            .satisfies(n -> assertThat(((Number) n).longValue()).isEqualTo(ROWS));
      }
      md.dropAll(engine);
    }
  }
  /**
   * MariaDB: the full pages are one server-side prepared statement, parsed once and run per page
   * with binary values (the server's own counters say so; the pages go as one pipelined batch);
   * the last, shorter page goes as text.
   */
  @org.junit.jupiter.api.Test
  void mariadbParsesTheFullPageOnceForAllItsPages() throws Exception {
    TestDatabase db = TestDatabase.mariadb();
    db.requireReachable();
    try (Engine engine = freshTable(db); Connection conn = engine.connect()) {
      long preparedBefore = sessionStatus(conn, "Com_stmt_prepare");
      long executedBefore = sessionStatus(conn, "Com_stmt_execute");
      List<List<Object>> keys = conn.execute(insert(things).withGeneratedKeys(), rows()).insertedPrimaryKeyRows();
      long prepared = sessionStatus(conn, "Com_stmt_prepare") - preparedBefore;
      long executed = sessionStatus(conn, "Com_stmt_execute") - executedBefore;
      conn.commit();

      assertThat(prepared).as("one parse for the two full pages").isEqualTo(1);
      assertThat(executed).as("each full page runs the prepared statement").isEqualTo(2);
      assertThat(keys).hasSize(ROWS);
      Map<Long, String> stored = new HashMap<>();
      try (Statement st = conn.jdbcConnection().createStatement(); ResultSet rs = st.executeQuery("SELECT id, name FROM eng_imv_thing")) {
        while (rs.next()) {
          stored.put(rs.getLong(1), rs.getString(2));
        }
      }
      conn.rollback(); // ends the read: MariaDB's metadata lock on the table would hold up the DROP below
      for (int i = 0; i < ROWS; i++) {
        assertThat(stored.get(((Number) keys.get(i).get(0)).longValue())).as("row %d's key", i).isEqualTo("thing " + i);
      }
      md.dropAll(engine);
    }
  }

  /**
   * Pages of large rows: 400 rows of 60,000 characters are 24 MB, more than MariaDB's default
   * max_allowed_packet (16 MB) takes in one statement; every row must still arrive, with its key.
   */
  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void largeRowsArriveWhateverThePacketLimit(TestDatabase db) throws Exception {
    MetaData big = new MetaData();
    Table docs = big.table("eng_imv_doc");
    docs.column("id", Types.BIG_INTEGER).primaryKey();
    docs.column("body", Types.TEXT).notNull();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      rows.add(Map.of("body", String.valueOf((char) ('a' + i % 26)).repeat(59_990) + String.format("%010d", i)));
    }
    try (Engine engine = db.engine()) {
      big.dropAll(engine, true);
      big.createAll(engine);
      List<Sent> sent = capture(engine);
      for (boolean withKeys : List.of(true, false)) {
        try (Connection conn = engine.connect()) {
          conn.execute(text("DELETE FROM eng_imv_doc"));
          sent.clear();
          CursorResult<?> r = conn.execute(withKeys ? insert(docs).withGeneratedKeys() : insert(docs), rows);
          assertThat(r.rowcount()).isEqualTo(400);
          if (db.name().equals("mariadb")) {
            // 400 rows fit one 1,000-row page by count; by size they must be cut into several
            assertThat(sent).as("pages cut short of max_allowed_packet").hasSizeGreaterThan(1);
            assertThat(sent).extracting(Sent::parameterSets).allSatisfy(n -> assertThat(n).isLessThan(400));
          }
          conn.commit();
          Map<Long, String> stored = new HashMap<>();
          try (Statement st = conn.jdbcConnection().createStatement();
              ResultSet rs = st.executeQuery("SELECT id, body FROM eng_imv_doc")) {
            while (rs.next()) {
              stored.put(rs.getLong(1), rs.getString(2));
            }
          }
          conn.rollback();
          assertThat(stored).hasSize(400);
          if (withKeys) {
            List<List<Object>> keys = r.insertedPrimaryKeyRows();
            for (int i = 0; i < 400; i++) {
              assertThat(stored.get(((Number) keys.get(i).get(0)).longValue())).as("row %d's key", i)
                  .isEqualTo(rows.get(i).get("body"));
            }
          }
        }
      }
      big.dropAll(engine);
    }
  }

  private static long sessionStatus(Connection conn, String counter) throws Exception {
    try (Statement st = conn.jdbcConnection().createStatement();
        ResultSet rs = st.executeQuery("SHOW SESSION STATUS LIKE '" + counter + "'")) {
      rs.next();
      return rs.getLong(2);
    }
  }
}
