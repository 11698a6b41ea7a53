package org.jalchemy.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.orm.model.Address;
import org.jalchemy.orm.model.OrmBase;
import org.jalchemy.orm.model.Sample;
import org.jalchemy.orm.model.User;
import org.jalchemy.schema.MetaData;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code DeclarativeBase.metadata(Base.class).createAll(engine)} on each database, checked in its catalog. */
class SchemaTest {

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void ddlSaysWhatWasInferred(TestDatabase db) {
    try (Engine engine = db.engine()) {
      String users = engine.dialect().newDdlCompiler().createTable(Mapper.of(User.class).table());
      String q = db.name().equals("mariadb") ? "`" : "";
      assertThat(users).contains("CREATE TABLE orm_user_account").contains("name VARCHAR(30) NOT NULL")
          .contains("UNIQUE (name)").contains("fullname VARCHAR");
      assertThat(users).doesNotContain("fullname VARCHAR NOT NULL");
      String addresses = engine.dialect().newDdlCompiler().createTable(Mapper.of(Address.class).table());
      assertThat(addresses).contains("REFERENCES orm_user_account (id) ON DELETE CASCADE");
      String sample = engine.dialect().newDdlCompiler().createTable(Mapper.of(Sample.class).table());
      assertThat(sample).contains("DEFAULT 'none'").contains("price " + (q.isEmpty() ? "NUMERIC" : "DECIMAL") + "(10, 2)")
          .contains("status " + (q.isEmpty() ? "VARCHAR(7)" : "ENUM('NEW', 'ACTIVE', 'RETIRED')"));
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void createAllBuildsEveryTable(TestDatabase db) throws SQLException {
    MetaData md = DeclarativeBase.metadata(OrmBase.class);
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        DatabaseMetaData catalog = conn.jdbcConnection().getMetaData();
        for (String table : md.tables().keySet()) {
          assertThat(columns(catalog, table)).as(table).isNotEmpty();
        }
        Map<String, Boolean> user = columns(catalog, "orm_user_account");
        assertThat(user).containsExactly(Map.entry("id", false), Map.entry("name", false), Map.entry("fullname", true));
        Map<String, Boolean> sample = columns(catalog, "orm_sample");
        assertThat(sample).containsEntry("created_at", true).containsEntry("count", false)
            .containsEntry("flag", true).containsEntry("label_text", false).containsEntry("http_url_value", true);
        assertThat(sample).hasSize(Mapper.of(Sample.class).columnProperties().size());
      }
      md.dropAll(engine);
      try (Connection conn = engine.connect()) {
        assertThat(columns(conn.jdbcConnection().getMetaData(), "orm_user_account")).isEmpty();
      }
    }
  }

  /** Column name → nullable, in ordinal order, for a table in the connection's current schema. */
  private static Map<String, Boolean> columns(DatabaseMetaData catalog, String table) throws SQLException {
    Map<String, Boolean> out = new LinkedHashMap<>();
    String catalogName = catalog.getConnection().getCatalog();
    String schema = catalog.getConnection().getSchema();
    for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
      try (ResultSet rs = catalog.getColumns(catalogName, schema, name, null)) {
        while (rs.next()) {
          out.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable);
        }
      }
      if (!out.isEmpty()) {
        break;
      }
    }
    return out;
  }
}
