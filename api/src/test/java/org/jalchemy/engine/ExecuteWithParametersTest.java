package org.jalchemy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.bindparam;
import static org.jalchemy.Jalchemy.insert;
import static org.jalchemy.Jalchemy.update;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * {@code conn.execute(insert(table), Map)} and {@code conn.execute(update(table).where(…), Map)}:
 * a statement without values takes its row (or SET clause) from the one parameter set, as in
 * SQLAlchemy's {@code conn.execute(table.insert(), {"name": …})}. Before this was handled, the
 * INSERT ran as {@code DEFAULT VALUES} and the given values were silently lost.
 */
class ExecuteWithParametersTest {
  private final MetaData md = new MetaData();
  private final Table items = md.table("eng_params_item");
  private final Column<Integer> id = items.column("id", Types.INTEGER).primaryKey();
  private final Column<String> name = items.column("name", Types.string(40)).notNull();
  private final Column<Integer> qty = items.column("qty", Types.INTEGER);
  private final Column<String> origin = items.column("origin", Types.string(20)).defaultValue(() -> "import");

  private Engine freshTable(TestDatabase db, List<String> sql) {
    Engine engine = db.engine();
    md.dropAll(engine, true);
    md.createAll(engine);
    engine.addListener(new ExecutionListener() {
      @Override
      public void beforeExecute(ExecutionContext ctx) {
        sql.add(ctx.sql());
      }
    });
    return engine;
  }

  private static List<String> stored(Engine engine) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection conn = engine.connect(); Statement st = conn.jdbcConnection().createStatement();
        ResultSet rs = st.executeQuery("SELECT id, name, qty, origin FROM eng_params_item ORDER BY id")) {
      while (rs.next()) {
        rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getObject(3) + "|" + rs.getString(4));
      }
    }
    return rows;
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void anInsertWithoutValuesTakesItsRowFromTheParameters(TestDatabase db) throws Exception {
    List<String> sql = new CopyOnWriteArrayList<>();
    try (Engine engine = freshTable(db, sql)) {
      Map<String, Object> first = new LinkedHashMap<>();
      first.put("qty", 3);
      first.put("name", "bolt");
      Map<String, Object> second = new LinkedHashMap<>(); // the same columns, named in another order
      second.put("name", "nut");
      second.put("qty", 5);
      List<Object> keys = new ArrayList<>();
      try (Connection conn = engine.connect()) {
        keys.add(conn.execute(insert(items), first).insertedPrimaryKey().get(0));
        keys.add(conn.execute(insert(items), second).insertedPrimaryKey().get(0));
        conn.commit();
      }
      assertThat(stored(engine)).containsExactly(
          keys.get(0) + "|bolt|3|import", keys.get(1) + "|nut|5|import");
      List<String> inserts = sql.stream().filter(s -> s.startsWith("INSERT")).toList();
      // columns in the table's order whatever the map's, the Java-side default added: one statement shape
      assertThat(inserts).hasSize(2).allSatisfy(s -> assertThat(s).matches(
          "INSERT INTO \"?eng_params_item\"? \\(\"?name\"?, \"?qty\"?, \"?origin\"?\\) VALUES \\(\\?, \\?, \\?\\).*"));
      assertThat(inserts.get(0)).isEqualTo(inserts.get(1));
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void aParameterThatNamesNoColumnIsRefusedAndNothingIsStored(TestDatabase db) throws Exception {
    List<String> sql = new CopyOnWriteArrayList<>();
    try (Engine engine = freshTable(db, sql)) {
      try (Connection conn = engine.connect()) {
        assertThatThrownBy(() -> conn.execute(insert(items), Map.of("name", "bolt", "colour", "red")))
            .isInstanceOf(ArgumentError.class)
            .hasMessageContaining("'colour'")
            .hasMessageContaining("eng_params_item");
        conn.commit();
      }
      assertThat(stored(engine)).isEmpty();
      assertThat(sql).noneMatch(s -> s.startsWith("INSERT"));
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void anUpdateWithoutValuesSetsTheColumnsTheParametersName(TestDatabase db) throws Exception {
    List<String> sql = new CopyOnWriteArrayList<>();
    try (Engine engine = freshTable(db, sql)) {
      Object bolt;
      try (Connection conn = engine.connect()) {
        bolt = conn.execute(insert(items), Map.of("name", "bolt", "qty", 3)).insertedPrimaryKey().get(0);
        conn.execute(insert(items), Map.of("name", "nut", "qty", 5));
        long changed = conn.execute(update(items).where(id.eq(bindparam("b_id", Types.INTEGER))),
            Map.of("qty", 9, "b_id", bolt)).rowcount();
        assertThat(changed).isEqualTo(1);
        conn.commit();
      }
      assertThat(stored(engine)).containsExactly(bolt + "|bolt|9|import", ((Integer) bolt + 1) + "|nut|5|import");
      assertThat(sql.stream().filter(s -> s.startsWith("UPDATE")).toList()).singleElement()
          .satisfies(s -> assertThat(s).contains("SET").contains("qty").doesNotContain("name"));
    }
  }
}
