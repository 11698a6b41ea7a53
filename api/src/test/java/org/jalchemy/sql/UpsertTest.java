package org.jalchemy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jalchemy.dialect.h2.H2Dialect;
import org.jalchemy.dialect.mysql.MySQLDialect;
import org.jalchemy.dialect.postgresql.PostgreSQLDialect;
import org.jalchemy.dialect.sqlite.SQLiteDialect;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.CompileError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** INSERT … ON CONFLICT / ON DUPLICATE KEY UPDATE, where the database has a natural upsert. */
class UpsertTest {
  private final MetaData metadata = new MetaData();
  private final Table items = metadata.table("up_item");
  private final Column<String> sku = items.column("sku", Types.string(20)).primaryKey();
  private final Column<Integer> qty = items.column("qty", Types.INTEGER).notNull();
  private final Column<String> note = items.column("note", Types.string(50));

  private Insert<Object> upsertAddingQuantity(String s, int q) {
    return insert(items)
        .value(sku, s)
        .value(qty, q)
        .onConflictDoUpdate(List.of(sku), Map.of(qty, qty.plus(Insert.excluded(qty))));
  }

  @Test
  void compilesPerDialect() {
    assertThat(new PostgreSQLDialect().compile(upsertAddingQuantity("a", 1)).sql())
        .isEqualTo("INSERT INTO up_item (sku, qty) VALUES (?, ?) ON CONFLICT (sku) DO UPDATE SET qty = up_item.qty + excluded.qty");
    assertThat(new SQLiteDialect().compile(insert(items).value(sku, "a").value(qty, 1).onConflictDoNothing(sku)).sql())
        .isEqualTo("INSERT INTO up_item (sku, qty) VALUES (?, ?) ON CONFLICT (sku) DO NOTHING");
    assertThat(new MySQLDialect().compile(upsertAddingQuantity("a", 1)).sql())
        .isEqualTo("INSERT INTO up_item (sku, qty) VALUES (?, ?) ON DUPLICATE KEY UPDATE qty = up_item.qty + VALUES(qty)");
    assertThat(new MySQLDialect().compile(insert(items).value(sku, "a").value(qty, 1).onConflictDoNothing(sku)).sql())
        .isEqualTo("INSERT INTO up_item (sku, qty) VALUES (?, ?) ON DUPLICATE KEY UPDATE sku = sku");
    assertThatThrownBy(() -> new H2Dialect().compile(upsertAddingQuantity("a", 1)))
        .isInstanceOf(CompileError.class)
        .hasMessageContaining("MERGE INTO");
  }

  @Test
  void sameShapeDifferentValuesSharesOneCompiledForm() {
    try (Engine engine = TestDatabase.sqlite().engine()) {
      metadata.createAll(engine);
      try (Connection conn = engine.connect()) {
        conn.execute(upsertAddingQuantity("a", 1));
        int cached = engine.cachedStatementCount();
        conn.execute(upsertAddingQuantity("b", 7));
        assertThat(engine.cachedStatementCount()).isEqualTo(cached);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void upsertUpdatesOrKeepsTheExistingRow(TestDatabase db) throws SQLException {
    try (Engine engine = db.engine()) {
      metadata.dropAll(engine);
      metadata.createAll(engine);
      try (Connection conn = engine.connect()) {
        if (db.name().equals("h2")) {
          assertThatThrownBy(() -> conn.execute(upsertAddingQuantity("a", 1))).isInstanceOf(CompileError.class);
          return;
        }
        conn.execute(upsertAddingQuantity("apple", 3));
        conn.execute(upsertAddingQuantity("apple", 4));
        conn.execute(upsertAddingQuantity("pear", 1));
        conn.execute(insert(items).value(sku, "pear").value(qty, 99).value(note, "ignored").onConflictDoNothing(sku));
        conn.commit();
        assertThat(storedRows(conn)).containsExactly("apple:7:null", "pear:1:null");
      } finally {
        metadata.dropAll(engine);
      }
    }
  }

  /** The rows as the database holds them, read with plain JDBC. */
  private static List<String> storedRows(Connection conn) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (var st = conn.jdbcConnection().createStatement();
        ResultSet rs = st.executeQuery("SELECT sku, qty, note FROM up_item ORDER BY sku")) {
      while (rs.next()) {
        rows.add(rs.getString(1) + ":" + rs.getInt(2) + ":" + rs.getString(3));
      }
    }
    return rows;
  }
}
