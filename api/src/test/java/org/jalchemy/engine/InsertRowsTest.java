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
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Connection.insertRows}: the executemany of positional rows (what the unit of work
 * flushes through). Same statement and batching as the executemany of maps; values bound in the
 * order of the columns given, Java-side defaults filled in, keys matched to their rows.
 */
class InsertRowsTest {
  private static final int ROWS = 1_500;

  private final MetaData md = new MetaData();
  private final Table items = md.table("eng_rows_item");
  private final Column<Long> id = items.column("id", Types.BIG_INTEGER).primaryKey();
  private final Column<String> name = items.column("name", Types.string(40)).notNull();
  private final Column<Integer> qty = items.column("qty", Types.INTEGER);
  private final Column<String> origin = items.column("origin", Types.string(20)).defaultValue(() -> "import");

  private Engine freshTable(TestDatabase db) {
    Engine engine = db.engine();
    md.dropAll(engine, true);
    md.createAll(engine);
    return engine;
  }

  private record Stored(String name, Integer qty, String origin) {}

  private static Map<Long, Stored> stored(Engine engine) throws Exception {
    Map<Long, Stored> rows = new HashMap<>();
    try (Connection conn = engine.connect(); Statement st = conn.jdbcConnection().createStatement();
        ResultSet rs = st.executeQuery("SELECT id, name, qty, origin FROM eng_rows_item")) {
      while (rs.next()) {
        rows.put(rs.getLong(1), new Stored(rs.getString(2), (Integer) rs.getObject(3), rs.getString(4)));
      }
    }
    return rows;
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void rowsAreBoundInColumnOrderWithDefaultsAndGetTheirKeys(TestDatabase db) throws Exception {
    try (Engine engine = freshTable(db)) {
      List<List<Object>> sentParameters = new CopyOnWriteArrayList<>();
      engine.addListener(new ExecutionListener() {
        @Override
        public void beforeExecute(ExecutionContext ctx) {
          if (ctx.sql().contains("INSERT INTO")) {
            for (Object set : ctx.parameters()) {
              sentParameters.add(new ArrayList<>((List<?>) set));
            }
          }
        }
      });
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < ROWS; i++) {
        rows.add(new Object[] {i % 7 == 0 ? null : i, "item " + i}); // columns given in another order than the table's
      }
      List<List<Object>> keys;
      try (Connection conn = engine.connect()) {
        var result = conn.insertRows(insert(items).withGeneratedKeys(), List.of(qty, name), rows);
        assertThat(result.rowcount()).isEqualTo(ROWS);
        keys = result.insertedPrimaryKeyRows();
        conn.commit();
      }

      assertThat(sentParameters).as("every value reached the database as a bound parameter").hasSize(ROWS)
          .allSatisfy(set -> assertThat(set).hasSize(3).contains("import"));
      Map<Long, Stored> stored = stored(engine);
      assertThat(stored).hasSize(ROWS);
      assertThat(keys).hasSize(ROWS);
      for (int i = 0; i < ROWS; i++) {
        Stored s = stored.get(((Number) keys.get(i).get(0)).longValue());
        assertThat(s).as("row %d by its key", i).isEqualTo(new Stored("item " + i, i % 7 == 0 ? null : i, "import"));
      }
      md.dropAll(engine);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void badCallsSayWhatToPassAndWriteNothing(TestDatabase db) throws Exception {
    MetaData other = new MetaData();
    Column<String> foreign = other.table("eng_rows_other").column("name", Types.string(40));
    try (Engine engine = freshTable(db); Connection conn = engine.connect()) {
      assertThatThrownBy(() -> conn.insertRows(insert(items), List.of(name), List.of()))
          .isInstanceOf(ArgumentError.class).hasMessageContaining("at least one row");
      assertThatThrownBy(() -> conn.insertRows(insert(items), List.of(foreign), List.<Object[]>of(new Object[] {"x"})))
          .isInstanceOf(ArgumentError.class).hasMessageContaining("of another table").hasMessageContaining("eng_rows_item");
      assertThatThrownBy(() -> conn.insertRows(insert(items), List.of(name, qty), List.<Object[]>of(new Object[] {"x"})))
          .isInstanceOf(ArgumentError.class).hasMessageContaining("row 0 has 1 value(s) for 2 columns");
      assertThatThrownBy(() -> conn.insertRows(insert(items).values(Map.of("name", "x")), List.of(name),
          List.<Object[]>of(new Object[] {"y"})))
          .isInstanceOf(ArgumentError.class).hasMessageContaining("without values()");
      conn.commit();
      assertThat(stored(engine)).isEmpty();
      md.dropAll(engine);
    }
  }

  /**
   * Rows already in the statement's column order are bound as they are (no copy per row); one
   * with a value that must be converted (an Integer for a BIGINT key) is copied, so the caller's
   * array keeps what the caller put in it.
   */
  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void rowsInColumnOrderAreStoredAndTheCallersArraysAreLeftAsGiven(TestDatabase db) throws Exception {
    Table plain = new MetaData().table("eng_rows_plain");
    Column<Long> key = plain.column("id", Types.BIG_INTEGER).primaryKey();
    Column<String> label = plain.column("label", Types.string(20));
    try (Engine engine = db.engine()) {
      plain.metadata().dropAll(engine, true);
      plain.metadata().createAll(engine);
      List<Object[]> rows = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        rows.add(new Object[] {i, "label " + i}); // Integer for a Long column: converted on the way
      }
      try (Connection conn = engine.connect()) {
        conn.insertRows(insert(plain), List.of(key, label), rows);
        conn.commit();
      }
      assertThat(rows.get(0)[0]).isInstanceOf(Integer.class).isEqualTo(1);
      Map<Long, String> stored = new HashMap<>();
      try (Connection conn = engine.connect(); Statement st = conn.jdbcConnection().createStatement();
          ResultSet rs = st.executeQuery("SELECT id, label FROM eng_rows_plain")) {
        while (rs.next()) {
          stored.put(rs.getLong(1), rs.getString(2));
        }
        conn.rollback();
      }
      assertThat(stored).hasSize(50).containsEntry(1L, "label 1").containsEntry(50L, "label 50");
      plain.metadata().dropAll(engine);
    }
  }

  /**
   * The plan of a plain INSERT (its keyed statement, cache key and slot positions) is kept per table,
   * columns given and keys wanted: a second call of the same shape makes no new plan, and a call
   * with other columns, or with the caller's column list changed since, gets a plan of its own and
   * stores what it was given.
   */
  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void plansOfPlainInsertsAreKeptPerShapeAndNeverServeAnotherShape(TestDatabase db) throws Exception {
    try (Engine engine = freshTable(db)) {
      List<Column<?>> columns = new ArrayList<>(List.of(name));
      int before = engine.insertPlans().size();
      try (Connection conn = engine.connect()) {
        conn.insertRows(insert(items), columns, List.<Object[]>of(new Object[] {"first"}));
        conn.insertRows(insert(items), columns, List.<Object[]>of(new Object[] {"second"}));
        assertThat(engine.insertPlans().size()).isEqualTo(before + 1);
        columns.add(qty); // the caller's list changes: the kept plan is for [name] only
        conn.insertRows(insert(items), columns, List.<Object[]>of(new Object[] {"third", 3}));
        conn.insertRows(insert(items).withGeneratedKeys(), List.of(qty, name),
            List.<Object[]>of(new Object[] {4, "fourth"}, new Object[] {5, "fifth"}));
        assertThat(engine.insertPlans().size()).isEqualTo(before + 3);
        // an insert with RETURNING is planned each time, not kept
        conn.insertRows(insert(items).returning(id), List.of(name), List.<Object[]>of(new Object[] {"sixth"}));
        assertThat(engine.insertPlans().size()).isEqualTo(before + 3);
        conn.commit();
      }
      assertThat(stored(engine).values()).containsExactlyInAnyOrder(
          new Stored("first", null, "import"), new Stored("second", null, "import"), new Stored("third", 3, "import"),
          new Stored("fourth", 4, "import"), new Stored("fifth", 5, "import"), new Stored("sixth", null, "import"));
    }
  }

  /**
   * A single-row {@code execute(insert(table), map)} keeps its plan by the map's names: the same
   * names in another map (another order, another Map class) find it, other names get their own, a
   * name that is no column is refused every time and kept never, and each row stores its own values.
   */
  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void singleRowExecutesKeepOnePlanPerSetOfNames(TestDatabase db) throws Exception {
    try (Engine engine = freshTable(db)) {
      int before = engine.insertPlans().size();
      try (Connection conn = engine.connect()) {
        conn.execute(insert(items), Map.of("name", "a", "qty", 1));
        Map<String, Object> sameNames = new java.util.LinkedHashMap<>();
        sameNames.put("qty", 2);
        sameNames.put("name", "b");
        conn.execute(insert(items), sameNames);
        assertThat(engine.insertPlans().size()).isEqualTo(before + 1);
        conn.execute(insert(items), Map.of("name", "c", "origin", "manual"));
        assertThat(engine.insertPlans().size()).isEqualTo(before + 2);
        for (int attempt = 0; attempt < 2; attempt++) {
          assertThatThrownBy(() -> conn.execute(insert(items), Map.of("name", "d", "colour", "red")))
              .isInstanceOf(ArgumentError.class).hasMessageContaining("colour");
        }
        assertThat(engine.insertPlans().size()).isEqualTo(before + 2);
        conn.commit();
      }
      assertThat(stored(engine).values()).containsExactlyInAnyOrder(
          new Stored("a", 1, "import"), new Stored("b", 2, "import"), new Stored("c", null, "manual"));
    }
  }
}
