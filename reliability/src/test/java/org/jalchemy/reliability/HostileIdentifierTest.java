package org.jalchemy.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.insert;
import static org.jalchemy.Jalchemy.select;
import static org.jalchemy.Jalchemy.text;

import java.util.List;
import java.util.Map;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.JalchemyException;
import org.jalchemy.result.Row;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.types.Types;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated hostile strings as identifiers: a table named by one, a column named by one, a
 * SELECT alias named by one. Each round trip works (quoted as needed) or is refused with a clear
 * error before any SQL runs; the canary table survives.
 */
class HostileIdentifierTest {
  static final int COUNT = 150;

  static List<Databases> databases() {
    return Databases.all();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void identifiersAreQuotedOrRefused(Databases db) throws Exception {
    Engine engine = db.engine(Engine.Options.defaults());
    try {
      try (Connection c = engine.connect()) {
        c.execute(text("drop table if exists rel_canary"));
        c.execute(text("create table rel_canary (id integer)"));
        c.commit();
      }
      List<String> names = HostileInputTest.inputs(db.name()).stream().filter(s -> s.length() <= 40).limit(COUNT).toList();
      int roundTrips = 0;
      int refused = 0;
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        MetaData md = new MetaData();
        try {
          Table t = md.table("rel_id_" + i + name);
          Column<Integer> id = t.column("id", Types.INTEGER).primaryKey();
          Column<String> col = t.column(name + "_c", Types.STRING);
          md.createAll(engine);
          try (Connection c = engine.connect()) {
            c.execute(insert(t).values(Map.of(col, "v" + i)));
            Row r = c.execute(select(id, col.label(name + "_alias"))).one();
            assertThat(r.get(1)).isEqualTo("v" + i);
            assertThat(r.keys()).contains(name + "_alias");
            c.commit();
          }
          md.dropAll(engine);
          roundTrips++;
        } catch (JalchemyException | IllegalArgumentException e) {
          assertThat(e.getMessage()).as("a refusal says why").isNotBlank();
          refused++;
          try {
            md.dropAll(engine, true);
          } catch (RuntimeException ignored) {
            // never created
          }
        }
      }
      try (Connection c = engine.connect()) {
        assertThat(((Number) c.execute(text("select count(*) from rel_canary")).scalar()).longValue()).isZero();
      }
      Figures.report("hostile identifiers (" + db.name() + ")", names.size() + " generated names as table, column and alias "
          + "names: " + roundTrips + " round trips, " + refused + " refused with an error; canary table intact");
    } finally {
      engine.dispose();
    }
  }
}
