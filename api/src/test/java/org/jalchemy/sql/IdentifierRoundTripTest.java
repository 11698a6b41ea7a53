package org.jalchemy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.*;

import java.util.List;
import java.util.Map;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names that need quoting (reserved words, mixed case, quote characters, spaces) used through
 * every statement kind, and CTEs inside UPDATE and DELETE, on every database.
 */
class IdentifierRoundTripTest {

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void quotedNamesWorkInEveryStatement(TestDatabase db) {
    MetaData md = new MetaData();
    Table order = md.table("sq_Order Items");
    Column<Integer> select = order.column("select", Types.INTEGER).primaryKey().autoincrement(false);
    Column<String> group = order.column("Group", Types.string(20));
    Column<String> odd = order.column("we\"ird`col", Types.string(20));
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        conn.execute(insert(order).values(List.of(
            Map.of("select", 1, "Group", "a", "we\"ird`col", "x'y"),
            Map.of("select", 2, "Group", "b", "we\"ird`col", "--"))));
        var alias = order.alias("Order");
        var rows = conn.execute(select(alias.c(group).label("Desc"), alias.c(odd))
            .where(alias.c(select).ge(1)).orderBy(alias.c(select).desc())).all();
        assertThat(rows).extracting(r -> r.get("Desc"), r -> r.get(1)).containsExactly(
            org.assertj.core.api.Assertions.tuple("b", "--"), org.assertj.core.api.Assertions.tuple("a", "x'y"));
        conn.execute(update(order).set(group, "c").where(odd.eq("--")));
        Cte firsts = select(select).where(group.eq("a")).cte("First Ones");
        assertThat(conn.execute(delete(order).where(select.in(select(firsts.c(select))))).rowcount()).isEqualTo(1);
        assertThat(conn.execute(select(group, select)).all()).extracting(r -> r.get(group)).containsExactly("c");
        Cte seconds = select(select.plus(10).label("select"), group).where(select.eq(2)).cte("Seconds");
        conn.execute(insert(order).fromSelect(List.of(select, group), select(seconds.c("select", Integer.class), seconds.c(group))));
        conn.execute(update(order).set(odd, "upd").where(select.in(select(seconds.c("select", Integer.class)))));
        assertThat(conn.execute(select(select, group, odd).orderBy(select)).all())
            .extracting(r -> r.get(select), r -> r.get(group), r -> r.get(odd))
            .containsExactly(org.assertj.core.api.Assertions.tuple(2, "c", "--"), org.assertj.core.api.Assertions.tuple(12, "c", "upd"));
        conn.commit();
      } finally {
        md.dropAll(engine);
      }
    }
  }
}
