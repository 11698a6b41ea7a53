package org.jalchemy.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.func;
import static org.jalchemy.Jalchemy.insert;
import static org.jalchemy.Jalchemy.select;
import static org.jalchemy.Jalchemy.text;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.DataError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that would break SQL built by string concatenation are stored and read back byte for
 * byte, and a canary table proves none of them ran as SQL.
 */
class HostileValueTest {
  static final List<String> HOSTILE = List.of(
      "'", "''", "\"", "`", "\\", "\\'", "'\\", "O'Brien", "it\\'s",
      "'; DROP TABLE ty_canary; --",
      "\"; DROP TABLE ty_canary; --",
      "`; DROP TABLE ty_canary; #",
      "1); DELETE FROM ty_canary; /*",
      "*/ DROP TABLE ty_canary; /*",
      "/* comment */", "-- line comment\n", "# mysql comment",
      "?", "??", ":name", "$1", "%s", "%", "_", "\\%",
      "\\x00", "\\0", "\u0001\u001f\u007f",
      "\r\n\t",
      "' OR '1'='1");

  private static MetaData schema() {
    MetaData md = new MetaData();
    Table canary = md.table("ty_canary");
    canary.column("id", Types.INTEGER).primaryKey().autoincrement(false);
    Table t = md.table("ty_hostile");
    t.column("id", Types.INTEGER).primaryKey().autoincrement(false);
    t.column("s", Types.string(200));
    t.column("body", Types.TEXT);
    return md;
  }

  @SuppressWarnings("unchecked")
  private static Column<String> col(MetaData md, String name) {
    return (Column<String>) md.tables().get("ty_hostile").columns().stream()
        .filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> jdbcStrings(Connection conn, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = conn.jdbcConnection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void hostileStringsAreStoredIntactAndNeverRun(TestDatabase db) throws SQLException {
    MetaData md = schema();
    Table t = md.tables().get("ty_hostile");
    Column<String> s = col(md, "s");
    Column<String> body = col(md, "body");
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        conn.execute(insert(md.tables().get("ty_canary")).values(Map.of("id", 1)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
          rows.add(Map.of("id", i, "s", HOSTILE.get(i), "body", HOSTILE.get(i)));
        }
        conn.execute(insert(t).values(rows));
        conn.commit();
        assertThat(conn.execute(select(s).orderBy(t.columns().get(0))).scalars().all()).containsExactlyElementsOf(HOSTILE);
        assertThat(conn.execute(select(body).orderBy(t.columns().get(0))).scalars().all()).containsExactlyElementsOf(HOSTILE);
        assertThat(jdbcStrings(conn, "SELECT s FROM ty_hostile ORDER BY id")).containsExactlyElementsOf(HOSTILE);
        // every value also works as a WHERE parameter, and finds exactly its own row
        for (String v : HOSTILE) {
          assertThat(conn.execute(select(s).where(s.eq(v))).scalars().all()).as(v).containsExactly(v);
        }
        // and through text() with a named parameter
        assertThat(conn.execute(text("SELECT s FROM ty_hostile WHERE s = :v").bindParams(Map.of("v", HOSTILE.get(9))))
            .scalars().all()).containsExactly(HOSTILE.get(9));
        assertThat(jdbcStrings(conn, "SELECT COUNT(*) FROM ty_canary")).containsExactly("1");
      } finally {
        md.dropAll(engine);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void megabyteTextComesBackByteIdentical(TestDatabase db) {
    StringBuilder sb = new StringBuilder(1 << 20);
    String[] pieces = {"'", "\\", ";--", "/* */", "漢", "😀", "e\u0301", "\n", "x"};
    java.util.Random random = new java.util.Random(7);
    while (sb.length() < (1 << 20)) {
      sb.append(pieces[random.nextInt(pieces.length)]);
    }
    String big = sb.toString();
    MetaData md = schema();
    Table t = md.tables().get("ty_hostile");
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        conn.execute(insert(t).values(Map.of("id", 1, "body", big)));
        conn.commit();
        String back = conn.execute(select(col(md, "body"))).scalarOne();
        assertThat(back.getBytes(StandardCharsets.UTF_8)).isEqualTo(big.getBytes(StandardCharsets.UTF_8));
        assertThat(conn.execute(select(func.count()).selectFrom(t).where(col(md, "body").eq(big))).scalarOne())
            .isEqualTo(1L);
      } finally {
        md.dropAll(engine);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void nulCharacter(TestDatabase db) throws SQLException {
    String withNul = "before\u0000after";
    MetaData md = schema();
    Table t = md.tables().get("ty_hostile");
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        if (db.name().equals("postgresql")) {
          // PostgreSQL text cannot hold U+0000: a DataError that says so, naming the remedy
          assertThatThrownBy(() -> conn.execute(insert(t).values(Map.of("id", 1, "s", withNul))))
              .isInstanceOf(DataError.class)
              .hasMessageContaining("NUL")
              .hasMessageContaining("LargeBinary");
          conn.rollback();
          return;
        }
        conn.execute(insert(t).values(Map.of("id", 1, "s", withNul, "body", withNul)));
        conn.commit();
        assertThat(conn.execute(select(col(md, "s"), col(md, "body"))).one().values()).containsExactly(withNul, withNul);
        assertThat(jdbcStrings(conn, "SELECT s FROM ty_hostile")).containsExactly(withNul);
      } finally {
        md.dropAll(engine);
      }
    }
  }
}
