package org.jalchemy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.result.CursorResult;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Commit as you go, explicit transactions, rollback on close, executemany, rowcount, inserted keys. */
class ConnectionTest {
  private final MetaData md = new MetaData();
  private final Table items = md.table("eng_conn_item");
  private final Column<Integer> id = items.column("id", Types.INTEGER).primaryKey();
  private final Column<String> name = items.column("name", Types.string(40)).notNull();
  private final Column<Integer> grp = items.column("grp", Types.INTEGER);

  /** Key not in first position and not generated. */
  private final Table codes = md.table("eng_conn_code");
  private final Column<String> label = codes.column("label", Types.string(20));
  private final Column<Integer> code = codes.column("code", Types.INTEGER).primaryKey().autoincrement(false);

  /** Generated key in last position: pgjdbc's generated keys are the whole row. */
  private final Table notes = md.table("eng_conn_note");
  private final Column<String> text = notes.column("body", Types.string(20));
  private final Column<Long> noteId = notes.column("note_id", Types.BIG_INTEGER).primaryKey();

  private Engine open(TestDatabase db, Engine.Options options) {
    Engine engine = db.engine(options);
    md.dropAll(engine);
    md.createAll(engine);
    return engine;
  }

  private long count(Engine engine) {
    try (Connection conn = engine.connect()) {
      return ((Number) conn.execute(select(func.count()).selectFrom(items)).scalarOne()).longValue();
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void commitAsYouGo(TestDatabase db) {
    try (Engine engine = open(db, Engine.Options.defaults())) {
      try (Connection conn = engine.connect()) {
        assertThat(conn.inTransaction()).isFalse();
        conn.execute(insert(items).values(Map.of("name", "a")));
        assertThat(conn.inTransaction()).as("the first statement begins a transaction").isTrue();
        conn.commit();
        assertThat(conn.inTransaction()).isFalse();
        conn.execute(insert(items).values(Map.of("name", "b")));
        conn.commit();
        conn.execute(insert(items).values(Map.of("name", "c")));
        conn.rollback();
      }
      assertThat(count(engine)).isEqualTo(2);
      md.dropAll(engine);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void closeRollsBackUncommittedWork(TestDatabase db) throws Exception {
    try (Engine engine = open(db, Engine.Options.defaults())) {
      try (Connection conn = engine.connect()) {
        conn.execute(insert(items).values(Map.of("name", "kept")));
        conn.commit();
        conn.execute(insert(items).values(Map.of("name", "lost")));
        if (!db.name().equals("sqlite")) {
          // Another connection does not see the uncommitted row.
          try (Connection other = engine.connect()) {
            assertThat(other.execute(select(name).orderBy(name)).scalars().all()).containsExactly("kept");
          }
        }
      }
      try (Connection conn = engine.connect()) {
        assertThat(conn.execute(select(name)).scalars().all()).containsExactly("kept");
      }
      if (db.name().equals("postgresql") || db.name().equals("mariadb")) {
        // And plain JDBC agrees: the rollback reached the server.
        EngineUrl u = EngineUrl.parse(db.url());
        try (var jdbc = java.sql.DriverManager.getConnection(u.toJdbcUrl(), u.username(), "");
            var rs = jdbc.createStatement().executeQuery("select count(*) from eng_conn_item")) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(1);
        }
      }
      md.dropAll(engine);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void closeRollsBackWorkDoneOnTheJdbcConnectionToo(TestDatabase db) throws Exception {
    // close() sends no ROLLBACK when nothing ran since the last commit; work done on the JDBC
    // connection it handed out is unknown to it, so that must still be rolled back.
    try (Engine engine = open(db, Engine.Options.defaults())) {
      try (Connection conn = engine.connect()) {
        conn.execute(insert(items).values(Map.of("name", "kept")));
        conn.commit();
        try (var st = conn.jdbcConnection().createStatement()) {
          st.executeUpdate("INSERT INTO eng_conn_item (name) VALUES ('lost')");
        }
      }
      try (Connection conn = engine.connect()) {
        assertThat(conn.execute(select(name)).scalars().all()).containsExactly("kept");
      }
      md.dropAll(engine);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void forEachRowHandsEveryRowThroughOneRowObject(TestDatabase db) {
    try (Engine engine = open(db, Engine.Options.defaults())) {
      try (Connection conn = engine.connect()) {
        for (int i = 0; i < 5; i++) {
          conn.execute(insert(items).values(Map.of("name", "n" + i, "grp", i)));
        }
        List<String> names = new ArrayList<>();
        java.util.Set<Object> rowObjects = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        conn.forEachRow(select(name, grp).orderBy(grp), row -> {
          names.add((String) row.get(0) + "/" + row.get(1));
          rowObjects.add(row);
        });
        assertThat(names).containsExactly("n0/0", "n1/1", "n2/2", "n3/3", "n4/4");
        assertThat(rowObjects).as("one Row, refilled").hasSize(1);
        // execute() still gives rows that can be kept
        List<org.jalchemy.result.Row> kept = conn.execute(select(name).orderBy(grp)).all();
        assertThat(kept).extracting(r -> r.get(0)).containsExactly("n0", "n1", "n2", "n3", "n4");
      }
      md.dropAll(engine);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void beginAsTryWithResources(TestDatabase db) {
    try (Engine engine = open(db, Engine.Options.defaults())) {
      try (Connection conn = engine.connect()) {
        try (Transaction tx = conn.begin()) {
          conn.execute(insert(items).values(Map.of("name", "committed")));
          tx.commit();
          assertThat(tx.isActive()).isFalse();
        }
        try (Transaction tx = conn.begin()) {
          conn.execute(insert(items).values(Map.of("name", "no commit")));
          assertThat(tx.isActive()).isTrue();
        }
        assertThat(conn.inTransaction()).isFalse();
        conn.execute(select(name));
        assertThatThrownBy(conn::begin)
            .isInstanceOf(InvalidRequestError.class)
            .hasMessageContaining("already begun")
            .hasMessageContaining("commit() or rollback() first");
      }
      assertThat(count(engine)).isEqualTo(1);
      // engine.transaction commits when the work returns, rolls back when it throws.
      engine.transaction(conn -> conn.execute(insert(items).values(Map.of("name", "tx"))));
      assertThatThrownBy(
              () ->
                  engine.transaction(
                      conn -> {
                        conn.execute(insert(items).values(Map.of("name", "undone")));
                        throw new IllegalStateException("boom");
                      }))
          .hasMessage("boom");
      assertThat(count(engine)).isEqualTo(2);
      md.dropAll(engine);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void executemanyIsOneJdbcBatchWithSummedRowcount(TestDatabase db) {
    try (Engine engine = open(db, Engine.Options.defaults())) {
      List<ExecutionContext> seen = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      ExecutionListener listener =
          new ExecutionListener() {
            @Override
            public void beforeExecute(ExecutionContext ctx) {
              seen.add(ctx);
            }

            @Override
            public void afterExecute(ExecutionContext ctx, long rowcount) {
              counts.add(rowcount);
            }
          };
      engine.addListener(listener);
      try (Connection conn = engine.connect()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          rows.add(Map.of("name", "n" + i, "grp", i % 3));
        }
        CursorResult<?> r = conn.execute(insert(items), rows);
        assertThat(r.rowcount()).isEqualTo(6);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).executemany()).isTrue();
        assertThat(seen.get(0).sql()).startsWith("INSERT INTO eng_conn_item");
        assertThat(seen.get(0).parameters()).hasSize(6);
        assertThat(counts).containsExactly(6L);

        // Each parameter set of this UPDATE matches two rows: the rowcount is the sum, 4.
        seen.clear();
        var upd =
            update(items)
                .set(name, bindparam("new_name", Types.string(40)))
                .where(grp.eq(bindparam("g", Types.INTEGER)));
        CursorResult<?> u = conn.execute(upd, List.of(Map.of("new_name", "x", "g", 0), Map.of("new_name", "y", "g", 1)));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).executemany()).isTrue();
        assertThat(u.rowcount()).isEqualTo(4);
        conn.commit();
        assertThat(conn.execute(select(name).where(grp.eq(0)).orderBy(id)).scalars().all()).containsExactly("x", "x");
        assertThat(conn.execute(select(name).where(grp.eq(2)).orderBy(id)).scalars().all()).containsExactly("n2", "n5");
      } finally {
        engine.removeListener(listener);
      }
      md.dropAll(engine);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void rowcountOfUpdateAndDelete(TestDatabase db) {
    try (Engine engine = open(db, Engine.Options.defaults())) {
      try (Connection conn = engine.connect()) {
        conn.execute(insert(items).values(List.of(
            Map.of("name", "a", "grp", 1), Map.of("name", "b", "grp", 1), Map.of("name", "c", "grp", 2))));
        assertThat(conn.execute(update(items).set(name, "z").where(grp.eq(1))).rowcount()).isEqualTo(2);
        assertThat(conn.execute(update(items).set(name, "z").where(grp.eq(9))).rowcount()).isZero();
        assertThat(conn.execute(delete(items).where(grp.eq(2))).rowcount()).isEqualTo(1);
        assertThat(conn.execute(delete(items)).rowcount()).isEqualTo(2);
        assertThat(conn.execute(select(name)).rowcount()).isEqualTo(-1);
      }
      md.dropAll(engine);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void insertedPrimaryKeyGeneratedAndExplicit(TestDatabase db) {
    try (Engine engine = open(db, Engine.Options.defaults())) {
      try (Connection conn = engine.connect()) {
        assertThat(conn.execute(insert(items).values(Map.of("name", "a"))).insertedPrimaryKey()).containsExactly(1);
        assertThat(conn.execute(insert(items).values(Map.of("name", "b"))).insertedPrimaryKey()).containsExactly(2);
        assertThat(conn.execute(insert(items).value(id, 40).value(name, "explicit")).insertedPrimaryKey())
            .containsExactly(40);
        assertThat(conn.execute(insert(codes).value(label, "x").value(code, 7)).insertedPrimaryKey())
            .containsExactly(7);
        conn.execute(insert(notes).value(text, "first"));
        assertThat(conn.execute(insert(notes).value(text, "second")).insertedPrimaryKey()).containsExactly(2L);
        assertThat(conn.execute(select(name).where(id.eq(40))).scalarOne()).isEqualTo("explicit");
        CursorResult<?> many = conn.execute(insert(items), List.of(Map.of("name", "m1"), Map.of("name", "m2")));
        assertThatThrownBy(many::insertedPrimaryKey)
            .isInstanceOf(InvalidRequestError.class)
            .hasMessageContaining("single-row insert()");
      }
      md.dropAll(engine);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void aClosedConnectionRefusesWork(TestDatabase db) {
    try (Engine engine = db.engine()) {
      Connection conn = engine.connect();
      conn.close();
      conn.close(); // idempotent
      assertThat(conn.isClosed()).isTrue();
      assertThatThrownBy(() -> conn.execute(text("select 1")))
          .isInstanceOf(InvalidRequestError.class)
          .hasMessageContaining("connection is closed")
          .hasMessageContaining("engine.connect()");
      assertThat(engine.poolStatus().active()).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void aTransactionOutlivingItsConnectionClosesQuietly(TestDatabase db) {
    try (Engine engine = open(db, Engine.Options.defaults())) {
      Connection conn = engine.connect();
      Transaction tx = conn.begin();
      conn.execute(insert(items).values(Map.of("name", "gone")));
      conn.close();
      tx.close();
      assertThat(tx.isActive()).isFalse();
      assertThat(count(engine)).isZero();
      md.dropAll(engine);
    }
  }
}
