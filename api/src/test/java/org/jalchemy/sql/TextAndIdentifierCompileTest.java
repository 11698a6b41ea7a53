package org.jalchemy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.*;
import static org.jalchemy.sql.SqlFixtures.*;

import java.util.Map;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.types.Types;
import org.junit.jupiter.api.Test;

/** text() with :name parameters, and identifier quoting per dialect. */
class TextAndIdentifierCompileTest {
  private final SqlFixtures f = new SqlFixtures();

  @Test
  void textParametersBecomeMarkers() {
    var t = text("SELECT id FROM sq_user WHERE name = :name AND id > :min");
    assertThat(sql(PG, t)).isEqualTo("SELECT id FROM sq_user WHERE name = ? AND id > ?");
    assertThat(params(PG, t, Map.of("name", "sandy", "min", 2))).containsExactly("sandy", 2);
    assertThat(params(PG, t.bindParams(Map.of("name", "x", "min", 0)))).containsExactly("x", 0);
  }

  @Test
  void repeatedParameterIsSentEachTime() {
    var t = text("SELECT :v, :v");
    assertThat(sql(SQLITE, t)).isEqualTo("SELECT ?, ?");
    assertThat(params(SQLITE, t, Map.of("v", 5))).containsExactly(5, 5);
  }

  @Test
  void castsQuotesAndEscapedColonsAreLeftAlone() {
    var t = text("SELECT '12:30'::time, \"a:b\", x\\:y, :p::int, col FROM t WHERE note = 'it''s :not'");
    assertThat(sql(PG, t)).isEqualTo("SELECT '12:30'::time, \"a:b\", x:y, ?::int, col FROM t WHERE note = 'it''s :not'");
    assertThat(params(PG, t, Map.of("p", "7"))).containsExactly("7");
  }

  @Test
  void missingParameterNamesTheFix() {
    var t = text("SELECT :missing");
    assertThatThrownBy(() -> params(SQLITE, t))
        .isInstanceOf(ArgumentError.class)
        .hasMessageContaining("'missing'")
        .hasMessageContaining("Map.of(\"missing\"");
  }

  @Test
  void textInsideASelect() {
    var stmt = select(f.name).where(text("length(name) > :n").bindParams(Map.of("n", 3))).where(f.userId.gt(1));
    assertThat(sql(SQLITE, stmt)).isEqualTo("SELECT sq_user.name FROM sq_user WHERE (length(name) > ?) AND sq_user.id > ?");
    assertThat(params(SQLITE, stmt)).containsExactly(3, 1);
  }

  @Test
  void identifiersQuotedWhenNeeded() {
    MetaData md = new MetaData();
    Table order = md.table("order");
    Column<Integer> select = order.column("select", Types.INTEGER);
    Column<String> mixed = order.column("CamelCase", Types.STRING);
    Column<String> quoted = order.column("we\"ird`name", Types.STRING);
    Column<String> plain = order.column("plain_name", Types.STRING);
    var stmt = select(select, mixed, quoted, plain).where(mixed.eq("x"));
    assertThat(sql(PG, stmt))
        .isEqualTo("SELECT \"order\".\"select\", \"order\".\"CamelCase\", \"order\".\"we\"\"ird`name\", \"order\".plain_name "
            + "FROM \"order\" WHERE \"order\".\"CamelCase\" = ?");
    assertThat(sql(MYSQL, stmt))
        .isEqualTo("SELECT `order`.`select`, `order`.`CamelCase`, `order`.`we\"ird``name`, `order`.plain_name "
            + "FROM `order` WHERE `order`.`CamelCase` = ?");
    assertThat(sql(SQLITE, insert(order).value(select, 1)))
        .isEqualTo("INSERT INTO \"order\" (\"select\") VALUES (?)");
    assertThat(sql(H2, update(order).set(mixed, "y").returning(select)))
        .isEqualTo("SELECT \"select\" FROM FINAL TABLE (UPDATE \"order\" SET \"CamelCase\"=?)");
  }

  @Test
  void aliasesAndSchemasAreQuoted() {
    MetaData md = new MetaData();
    Table t = md.table("t", "My Schema");
    Column<Integer> id = t.column("id", Types.INTEGER);
    var a = t.alias("Group");
    assertThat(sql(PG, select(id, a.c(id)).where(id.eq(a.c(id)))))
        .isEqualTo("SELECT \"My Schema\".t.id, \"Group\".id FROM \"My Schema\".t, \"My Schema\".t AS \"Group\" "
            + "WHERE \"My Schema\".t.id = \"Group\".id");
  }

  @Test
  void hostileLabelAndAliasNamesStayIdentifiers() {
    String evil = "x\" FROM sq_user; DROP TABLE sq_user; --";
    String rendered = sql(PG, select(f.name.label(evil)));
    assertThat(rendered).isEqualTo("SELECT sq_user.name AS \"x\"\" FROM sq_user; DROP TABLE sq_user; --\" FROM sq_user");
  }
}
