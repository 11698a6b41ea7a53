package org.jalchemy.orm.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.ExecutionContext;
import org.jalchemy.engine.ExecutionListener;
import org.jalchemy.orm.DeclarativeBase;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionMaker;
import org.jalchemy.orm.session.model.SesWide;
import org.jalchemy.orm.session.model.SesWideBase;
import org.jalchemy.schema.MetaData;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * More than 64 columns: the unit of work groups rows into batches by their column lists (not its
 * 64-bit mask). Rows that leave the server-defaulted column out and rows that give it go as two
 * INSERTs with different columns, each value in its own column, each key in its own object.
 */
class WideFlushTest {
  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void rowsOfDifferentColumnSetsGoAsSeparateBatchesWithTheirValuesInPlace(TestDatabase tdb) throws Exception {
    MetaData md = DeclarativeBase.metadata(SesWideBase.class);
    try (Engine engine = tdb.engine()) {
      md.dropAll(engine, true);
      md.createAll(engine);
      List<String> inserts = new CopyOnWriteArrayList<>();
      engine.addListener(new ExecutionListener() {
        @Override
        public void beforeExecute(ExecutionContext ctx) {
          if (ctx.sql().contains("INSERT INTO")) { // H2 wraps it: SELECT id FROM FINAL TABLE (INSERT …)
            inserts.add(ctx.sql());
          }
        }
      });
      List<SesWide> objects = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        objects.add(new SesWide(i * 100, null)); // stamp left to the database
      }
      for (int i = 6; i < 10; i++) {
        objects.add(new SesWide(i * 100, 40 + i)); // stamp given
      }
      try (Session session = SessionMaker.of(engine).open()) {
        session.addAll(objects);
        session.commit();
        assertThat(objects).allSatisfy(o -> assertThat(o.getId()).isNotNull());
        assertThat(objects.get(0).getStamp()).as("the server's default, read back").isEqualTo(7);
      }

      assertThat(inserts.stream().filter(sql -> sql.contains("stamp")).count()).as("only the rows that gave it name stamp")
          .isGreaterThanOrEqualTo(1);
      assertThat(inserts.stream().anyMatch(sql -> !sql.contains("stamp"))).isTrue();
      Map<Integer, List<Object>> rows = new HashMap<>();
      try (var conn = engine.connect(); var st = conn.jdbcConnection().createStatement();
          var rs = st.executeQuery("SELECT id, stamp, c00, c31, c64 FROM ses_wide")) {
        while (rs.next()) {
          rows.put(rs.getInt(1), List.of(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
        }
      }
      assertThat(rows).hasSize(10);
      for (int i = 0; i < 10; i++) {
        int base = i * 100;
        assertThat(rows.get(objects.get(i).getId())).as("row of object %d by its key", i)
            .containsExactly(i < 6 ? 7 : 40 + i, base, base + 31, base + 64);
      }
      md.dropAll(engine);
    }
  }
}
