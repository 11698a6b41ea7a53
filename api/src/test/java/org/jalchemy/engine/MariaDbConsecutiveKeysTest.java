package org.jalchemy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.insert;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MariaDB hands out the AUTO_INCREMENT keys of one multi-row INSERT consecutively (lock mode 1,
 * the server's default): an executemany that wants keys sends its full pages as one pipelined
 * batch without RETURNING and works each row's key out from its page's first. Every test reads
 * the rows back and checks each key against the row it was given to.
 */
class MariaDbConsecutiveKeysTest {
  private static final int ROWS = 2_500;

  private final MetaData md = new MetaData();
  private final Table things = md.table("eng_ck_thing");
  private final Column<Long> id = things.column("id", Types.BIG_INTEGER).primaryKey();
  private final Column<String> name = things.column("name", Types.string(40)).notNull();

  private TestDatabase db;
  private Engine engine;
  private final List<String> sent = new CopyOnWriteArrayList<>();

  @BeforeEach
  void freshTable() {
    db = TestDatabase.mariadb();
    db.requireReachable();
    engine = db.engine();
    md.dropAll(engine, true);
    text("DROP TABLE IF EXISTS eng_ck_thing");
    text("DROP SEQUENCE IF EXISTS eng_ck_seq");
    engine.addListener(new ExecutionListener() {
      @Override
      public void beforeExecute(ExecutionContext ctx) {
        if (ctx.sql().startsWith("INSERT INTO")) {
          sent.add(ctx.sql());
        }
      }
    });
  }

  @AfterEach
  void dropTable() {
    text("DROP TABLE IF EXISTS eng_ck_thing");
    text("DROP SEQUENCE IF EXISTS eng_ck_seq");
    engine.close();
  }

  private void text(String sql) {
    try (Connection conn = engine.connect(); Statement st = conn.jdbcConnection().createStatement()) {
      st.execute(sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Map<String, Object>> rows(String prefix) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(Map.of("name", prefix + i));
    }
    return rows;
  }

  private List<List<Object>> insertAll(Connection conn, String prefix) {
    return conn.execute(insert(things).withGeneratedKeys(), rows(prefix)).insertedPrimaryKeyRows();
  }

  private Map<Long, String> stored() throws Exception {
    Map<Long, String> stored = new HashMap<>();
    try (Connection conn = engine.connect(); Statement st = conn.jdbcConnection().createStatement();
        ResultSet rs = st.executeQuery("SELECT id, name FROM eng_ck_thing")) {
      while (rs.next()) {
        stored.put(rs.getLong(1), rs.getString(2));
      }
      conn.rollback(); // ends the read before the table is dropped (MariaDB's metadata lock)
    }
    return stored;
  }

  private static void assertEachKeyIsItsRow(Map<Long, String> stored, List<List<Object>> keys, String prefix) {
    assertThat(keys).hasSize(ROWS);
    for (int i = 0; i < ROWS; i++) {
      assertThat(stored.get(((Number) keys.get(i).get(0)).longValue())).as("row %d's key", i).isEqualTo(prefix + i);
    }
  }

  @Test
  void fullPagesGoAsOneBatchWithoutReturningAndEveryKeyIsItsRow() throws Exception {
    md.createAll(engine);
    List<List<Object>> keys;
    try (Connection conn = engine.connect()) {
      keys = insertAll(conn, "thing ");
      conn.commit();
    }
    assertThat(sent).hasSize(2); // the two full pages in one batch, then the 500-row page
    assertThat(sent).noneSatisfy(sql -> assertThat(sql).contains("RETURNING"));
    assertEachKeyIsItsRow(stored(), keys, "thing ");
  }

  @Test
  void keysStepByTheSessionsAutoIncrementIncrement() throws Exception {
    md.createAll(engine);
    List<List<Object>> keys;
    try (Connection conn = engine.connect()) {
      try (Statement st = conn.jdbcConnection().createStatement()) {
        st.execute("SET SESSION auto_increment_increment = 3");
      }
      try {
        keys = insertAll(conn, "thing ");
        conn.commit();
      } finally {
        try (Statement st = conn.jdbcConnection().createStatement()) {
          st.execute("SET SESSION auto_increment_increment = 1");
        }
      }
    }
    long first = ((Number) keys.get(0).get(0)).longValue();
    assertThat(((Number) keys.get(1).get(0)).longValue()).isEqualTo(first + 3);
    assertEachKeyIsItsRow(stored(), keys, "thing ");
  }

  @Test
  void concurrentWritersEachGetTheKeysOfTheirOwnRows() throws Exception {
    md.createAll(engine);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<List<List<Object>>>> results = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        String prefix = "writer " + w + " row ";
        results.add(pool.submit(() -> {
          try (Connection conn = engine.connect()) {
            List<List<Object>> keys = insertAll(conn, prefix);
            conn.commit();
            return keys;
          }
        }));
      }
      Map<Long, String> stored;
      List<List<List<Object>>> keys = new ArrayList<>();
      for (Future<List<List<Object>>> f : results) {
        keys.add(f.get());
      }
      stored = stored();
      assertThat(stored).hasSize(3 * ROWS);
      for (int w = 0; w < 3; w++) {
        assertEachKeyIsItsRow(stored, keys.get(w), "writer " + w + " row ");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Tables whose keys are not known to come consecutively: a sequence default, a partitioned table. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "CREATE TABLE eng_ck_thing (id BIGINT PRIMARY KEY DEFAULT (NEXT VALUE FOR eng_ck_seq), name VARCHAR(40) NOT NULL)",
      "CREATE TABLE eng_ck_thing (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL) PARTITION BY HASH (id) PARTITIONS 2"})
  void keysNotKnownToBeConsecutiveAreReadThroughReturning(String ddl) throws Exception {
    text("CREATE SEQUENCE eng_ck_seq");
    text(ddl);
    List<List<Object>> keys;
    try (Connection conn = engine.connect()) {
      keys = insertAll(conn, "thing ");
      conn.commit();
    }
    assertThat(sent).hasSize(3).allSatisfy(sql -> assertThat(sql).contains("RETURNING"));
    assertEachKeyIsItsRow(stored(), keys, "thing ");
  }

  @Test
  void dropAllAndCreateAllMakeTheTableBeCheckedAgain() throws Exception {
    md.createAll(engine);
    try (Connection conn = engine.connect()) {
      insertAll(conn, "first ");
      conn.commit();
    }
    md.dropAll(engine);
    text("CREATE SEQUENCE eng_ck_seq");
    text("CREATE TABLE eng_ck_thing (id BIGINT PRIMARY KEY DEFAULT (NEXT VALUE FOR eng_ck_seq), name VARCHAR(40) NOT NULL)");
    sent.clear();
    List<List<Object>> keys;
    try (Connection conn = engine.connect()) {
      keys = insertAll(conn, "thing ");
      conn.commit();
    }
    assertThat(sent).allSatisfy(sql -> assertThat(sql).contains("RETURNING"));
    assertEachKeyIsItsRow(stored(), keys, "thing ");
  }

  @Test
  void aTableChangedBehindTheEnginesBackFailsTheInsertInsteadOfMisplacingKeys() throws Exception {
    md.createAll(engine);
    try (Connection conn = engine.connect()) {
      insertAll(conn, "first ");
      conn.commit();
    }
    // dropped and made again without AUTO_INCREMENT by plain SQL: the engine still takes the keys as consecutive
    text("DROP TABLE eng_ck_thing");
    text("CREATE SEQUENCE eng_ck_seq");
    text("CREATE TABLE eng_ck_thing (id BIGINT PRIMARY KEY DEFAULT (NEXT VALUE FOR eng_ck_seq), name VARCHAR(40) NOT NULL)");
    try (Connection conn = engine.connect()) {
      assertThatThrownBy(() -> insertAll(conn, "thing "))
          .isInstanceOf(InvalidRequestError.class)
          .hasMessageContaining("eng_ck_thing")
          .hasMessageContaining("AUTO_INCREMENT");
      conn.rollback();
    }
    assertThat(stored()).isEmpty();
  }
}
