package org.jalchemy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.insert;
import static org.jalchemy.Jalchemy.select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jalchemy.engine.internal.PreparedStatementCaches;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.result.Row;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.Select;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On drivers that parse every {@code prepareStatement} anew (SQLite, embedded H2), each pooled
 * connection keeps its prepared statements open and reuses them: across executions and checkouts,
 * with every execution's own values, never one statement for two open results, and a statement
 * that failed is not used again. PostgreSQL and MariaDB's drivers cache statements themselves.
 */
class PreparedStatementReuseTest {
  @TempDir static Path dir;

  private final MetaData md = new MetaData();
  private final Table items = md.table("eng_reuse_item");
  private final Column<Integer> id = items.column("id", Types.INTEGER).primaryKey();
  private final Column<String> name = items.column("name", Types.string(40)).notNull().unique();

  /** The embedded databases, in memory (one shared connection) and as a file behind HikariCP. */
  static Stream<Engine> embedded() throws Exception {
    return Stream.of(
        TestDatabase.sqlite().engine(),
        TestDatabase.h2().engine(),
        Engine.create("sqlite+xerial:///" + Files.createTempFile(dir, "reuse", ".db"), Engine.Options.defaults()));
  }

  private Engine fresh(Engine engine) {
    md.dropAll(engine, true);
    md.createAll(engine);
    return engine;
  }

  private static PreparedStatementCaches kept(Engine engine) {
    return engine.preparedStatements();
  }

  private Select<?> byId(int value) {
    return select(id, name).where(id.eq(value));
  }

  @ParameterizedTest
  @MethodSource("embedded")
  void statementsAreKeptAcrossCheckoutsAndBindEachExecutionsValues(Engine engine) {
    fresh(engine);
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      try (Connection conn = engine.connect()) {
        keys.add(conn.execute(insert(items).values(Map.of("name", "item " + i))).insertedPrimaryKey().get(0));
        conn.commit();
      }
    }
    assertThat(keys).doesNotHaveDuplicates().doesNotContainNull();
    int preparedBefore = kept(engine).preparedCount();
    for (int i = 0; i < 5; i++) {
      try (Connection conn = engine.connect()) {
        Row row = conn.execute(byId(((Number) keys.get(i)).intValue())).one();
        assertThat(row.get(1)).isEqualTo("item " + i);
      }
    }
    // One thread gets the same pooled connection back each time: five INSERTs were one statement
    // prepared, five SELECTs another.
    assertThat(preparedBefore).isEqualTo(1);
    assertThat(kept(engine).preparedCount()).isEqualTo(2);
    assertThat(kept(engine).idleCount()).isEqualTo(2);
    engine.dispose();
  }

  @ParameterizedTest
  @MethodSource("embedded")
  void twoOpenResultsOfOneStatementEachHaveTheirOwn(Engine engine) {
    fresh(engine);
    try (Connection conn = engine.connect()) {
      conn.execute(insert(items), List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "name", "b")));
      var all = select(id, name).orderBy(id);
      List<String> pairs = new ArrayList<>();
      try (var outer = conn.execute(all)) {
        for (Row o : outer) {
          try (var inner = conn.execute(all)) {
            for (Row i : inner) {
              pairs.add(o.get(1) + "" + i.get(1));
            }
          }
        }
      }
      assertThat(pairs).containsExactly("aa", "ab", "ba", "bb");
    }
    engine.dispose();
  }

  @ParameterizedTest
  @MethodSource("embedded")
  void aStatementThatFailedIsNotUsedAgainAndTheNextExecutionWorks(Engine engine) throws Exception {
    fresh(engine);
    try (Connection conn = engine.connect()) {
      conn.execute(insert(items).values(Map.of("id", 1, "name", "same")));
      assertThatThrownBy(() -> conn.execute(insert(items).values(Map.of("id", 2, "name", "same"))))
          .isInstanceOf(IntegrityError.class);
      conn.rollback();
      conn.execute(insert(items).values(Map.of("id", 3, "name", "other")));
      conn.commit();
    }
    try (Connection conn = engine.connect(); Statement st = conn.jdbcConnection().createStatement();
        ResultSet rs = st.executeQuery("SELECT id, name FROM eng_reuse_item")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(3);
      assertThat(rs.getString(2)).isEqualTo("other");
      assertThat(rs.next()).isFalse();
    }
    engine.dispose();
  }

  @ParameterizedTest
  @MethodSource("embedded")
  void aKeptStatementFollowsTheTableWhenItIsDroppedAndCreatedAgain(Engine engine) {
    fresh(engine);
    try (Connection conn = engine.connect()) {
      conn.execute(insert(items).values(Map.of("id", 1, "name", "before")));
      assertThat(conn.execute(byId(1)).one().get(1)).isEqualTo("before");
      conn.commit();
    }
    fresh(engine);
    try (Connection conn = engine.connect()) {
      assertThat(conn.execute(byId(1)).all()).isEmpty();
      conn.execute(insert(items).values(Map.of("id", 1, "name", "after")));
      assertThat(conn.execute(byId(1)).one().get(1)).isEqualTo("after");
      conn.commit();
    }
    engine.dispose();
  }

  @ParameterizedTest
  @MethodSource("embedded")
  void onH2OnlyAStatementWhoseSmallResultWasReadToTheEndIsKept(Engine engine) {
    fresh(engine);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= 150; i++) {
      rows.add(Map.of("id", i, "name", "item " + i));
    }
    try (Connection conn = engine.connect()) {
      conn.execute(insert(items), rows);
      var all = select(id, name);
      for (int i = 0; i < 3; i++) {
        assertThat(conn.execute(all).all()).hasSize(150);
        assertThat(conn.execute(byId(1)).one().get(1)).isEqualTo("item 1");
        assertThat(conn.execute(all).first()).isNotNull();
      }
    }
    if (engine.dialect().name().equals("h2")) {
      // H2 keeps a query's last result in its statement: the 150-row SELECT (read whole, or not to
      // the end) is prepared every time, so that no kept statement holds 150 rows; the lookup is kept.
      assertThat(kept(engine).preparedCount()).isEqualTo(6 + 1);
    } else {
      assertThat(kept(engine).preparedCount()).isEqualTo(2);
    }
    engine.dispose();
  }

  @ParameterizedTest
  @MethodSource("embedded")
  void threadsSharingThePoolEachGetTheirOwnRowsBack(Engine engine) throws Exception {
    fresh(engine);
    int threads = 4;
    int perThread = 200;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          int checked = 0;
          for (int i = 0; i < perThread; i++) {
            int key = thread * perThread + i + 1;
            String value = "thread " + thread + " row " + i;
            try (Connection conn = engine.connect()) {
              conn.execute(insert(items).values(Map.of("id", key, "name", value)));
              conn.commit();
            }
            try (Connection conn = engine.connect()) {
              assertThat(conn.execute(byId(key)).one().get(1)).isEqualTo(value);
              checked++;
            }
          }
          return checked;
        }));
      }
      for (var f : done) {
        assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(perThread);
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection conn = engine.connect()) {
      assertThat(conn.execute(select(id)).all()).hasSize(threads * perThread);
    }
    engine.dispose();
  }

  @Test
  void anEngineConnectedAgainAfterDisposeStartsFreshCaches() {
    Engine engine = fresh(TestDatabase.h2().engine());
    try (Connection conn = engine.connect()) {
      conn.execute(byId(1)).all();
    }
    assertThat(kept(engine).connectionCount()).isEqualTo(1);
    engine.dispose();
    assertThat(kept(engine).connectionCount()).isZero();
    try (Connection conn = engine.connect()) {
      conn.execute(insert(items).values(Map.of("id", 7, "name", "again")));
      assertThat(conn.execute(byId(7)).one().get(1)).isEqualTo("again");
    }
    assertThat(kept(engine).connectionCount()).isEqualTo(1);
    engine.dispose();
  }

  @Test
  void sizeZeroPreparesEveryExecutionAfresh() {
    Engine engine = fresh(TestDatabase.h2().engine(Engine.Options.defaults().preparedStatementCacheSize(0)));
    try (Connection conn = engine.connect()) {
      conn.execute(insert(items).values(Map.of("id", 1, "name", "x")));
      assertThat(conn.execute(byId(1)).one().get(1)).isEqualTo("x");
    }
    assertThat(kept(engine)).isNull();
    engine.dispose();
  }

  @ParameterizedTest
  @MethodSource("servers")
  void serverDriversKeepTheirOwn(TestDatabase db) {
    db.requireReachable();
    Engine engine = db.engine();
    try (Connection conn = engine.connect()) {
      conn.execute(select(org.jalchemy.Jalchemy.literal(1))).all();
    }
    assertThat(kept(engine)).isNull();
    engine.dispose();
  }

  static Stream<TestDatabase> servers() {
    return Stream.of(TestDatabase.postgresql(), TestDatabase.mariadb());
  }

  @Test
  void aNegativeSizeIsRefusedNamingTheOption() {
    assertThatThrownBy(() -> Engine.Options.defaults().preparedStatementCacheSize(-1))
        .hasMessageContaining("preparedStatementCacheSize");
  }
}
