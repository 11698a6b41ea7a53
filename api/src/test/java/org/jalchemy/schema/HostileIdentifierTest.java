package org.jalchemy.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.delete;
import static org.jalchemy.Jalchemy.insert;
import static org.jalchemy.Jalchemy.select;
import static org.jalchemy.Jalchemy.update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table, column, index and constraint names built to break SQL made by concatenation: created,
 * written, read back and dropped on every database, while a canary table proves that no part of
 * a name ran as SQL.
 */
class HostileIdentifierTest {
  private static final String CANARY = "ddl_canary";

  /** Names each database accepts as quoted identifiers (MySQL: no trailing space, BMP only, 64 chars). */
  static List<String> columnNames() {
    return List.of(
        "select", "from", "Order", "MixedCase", "UPPER", "with space", "dq\"uote", "sq'uote", "back`tick",
        "semi;colon", "x; DROP TABLE " + CANARY + "; --", "x\"; DROP TABLE " + CANARY + "; --",
        "x`; DROP TABLE " + CANARY + "; #", "/* c */", "-- dash", "?", ":p", "größe", "名前", "שם", "back\\slash");
  }

  static String tableName() {
    return "ddl_T\"a`b'le; DROP TABLE " + CANARY + "; --";
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void hostileNamesAreCreatedWrittenReadAndDropped(TestDatabase db) throws SQLException {
    MetaData canaryMd = new MetaData();
    Column<Integer> canaryId = canaryMd.table(CANARY).column("id", Types.INTEGER).primaryKey().autoincrement(false);
    MetaData md = new MetaData();
    Table t = md.table(tableName());
    Column<Integer> id = t.column("id; DROP TABLE " + CANARY, Types.INTEGER).primaryKey();
    List<Column<String>> cols = new ArrayList<>();
    for (String n : columnNames()) {
      cols.add(t.column(n, Types.string(40)));
    }
    t.index("ix \"odd\" `name`; --", true, cols.get(2));
    t.unique("uq 'odd'; --", cols.get(3), cols.get(4));
    cols.get(5).index();
    Table child = md.table("ddl_Child \"of\" odd");
    child.column("id", Types.INTEGER).primaryKey();
    child.column("parent ref", Types.INTEGER).references(ForeignKey.to(id).named("fk \"odd\"; --"));
    try (Engine engine = db.engine()) {
      canaryMd.dropAll(engine);
      canaryMd.createAll(engine);
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        conn.execute(insert(canaryMd.tables().get(CANARY)).values(Map.of("id", 1)));
        Map<String, Object> row = new java.util.HashMap<>();
        for (String n : columnNames()) {
          row.put(n, "v:" + n);
        }
        var r = conn.execute(insert(t).values(row));
        Integer newId = (Integer) r.insertedPrimaryKey().get(0);
        conn.execute(insert(child).values(Map.of("id", 1, "parent ref", newId)));
        conn.commit();
        var back = conn.execute(select(t)).one();
        for (String n : columnNames()) {
          assertThat(back.get(n)).as(n).isEqualTo("v:" + n);
        }
        conn.execute(update(t).set(cols.get(10), "changed").where(cols.get(0).eq("v:select")));
        assertThat(conn.execute(select(cols.get(10)).where(id.eq(newId))).scalarOne()).isEqualTo("changed");
        assertThat(catalogColumns(conn, t)).containsAll(columnNames());
        conn.execute(delete(child));
        conn.execute(delete(t).where(cols.get(6).eq("v:dq\"uote")));
        assertThat(conn.execute(select(id)).scalars().all()).isEmpty();
        conn.commit();
      }
      md.dropAll(engine);
      try (Connection conn = engine.connect()) {
        assertThat(engine.dialect().hasTable(conn.jdbcConnection(), t)).isFalse();
        assertThat(engine.dialect().hasTable(conn.jdbcConnection(), canaryMd.tables().get(CANARY))).as("canary survives").isTrue();
        assertThat(conn.execute(select(canaryId)).scalars().all()).containsExactly(1);
      }
      canaryMd.dropAll(engine);
    }
  }

  /** The column names the database's catalog reports: the names were stored exactly as given. */
  private static List<String> catalogColumns(Connection conn, Table t) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = conn.jdbcConnection().getMetaData().getColumns(null, null, t.name(), null)) {
      while (rs.next()) {
        names.add(rs.getString("COLUMN_NAME"));
      }
    }
    return names;
  }

  @Test
  void namesWithNulAreRejected() {
    MetaData md = new MetaData();
    assertThatThrownBy(() -> md.table("ddl_a\0b")).isInstanceOf(ArgumentError.class)
        .hasMessageStartingWith("table name 'ddl_a\\0b' contains a NUL character, which no database accepts in a name");
    Table t = md.table("ddl_ok");
    assertThatThrownBy(() -> t.column("c\0", Types.INTEGER)).isInstanceOf(ArgumentError.class)
        .hasMessageContaining("column name 'c\\0'");
    assertThatThrownBy(() -> ForeignKey.to("ddl_ok.id").named("fk\0")).isInstanceOf(ArgumentError.class)
        .hasMessageContaining("constraint name");
    assertThatThrownBy(() -> md.table("ddl_ok2", "sch\0")).isInstanceOf(ArgumentError.class)
        .hasMessageContaining("schema name");
  }
}
