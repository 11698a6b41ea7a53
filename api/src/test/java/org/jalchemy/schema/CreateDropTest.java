package org.jalchemy.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.insert;
import static org.jalchemy.Jalchemy.select;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.ExecutionContext;
import org.jalchemy.engine.ExecutionListener;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code createAll} / {@code dropAll} against each database, with the statements captured. */
class CreateDropTest {
  private static final Pattern DDL = Pattern.compile("^\\s*(CREATE (?:UNIQUE )?(?:TABLE|INDEX)|DROP TABLE|ALTER TABLE)\\s+(\\S+)(?:.*? ON (\\S+))?",
      Pattern.DOTALL);

  /** Records "CREATE TABLE x", "DROP TABLE x", "ALTER TABLE x" for each DDL statement sent. */
  private static final class DdlRecorder implements ExecutionListener {
    final List<String> seen = new ArrayList<>();

    @Override
    public void beforeExecute(ExecutionContext ctx) {
      Matcher m = DDL.matcher(ctx.sql());
      if (m.find()) {
        seen.add(m.group(1) + " " + m.group(2).replace("\"", "").replace("`", ""));
      }
    }
  }

  /** Children defined before their parents, so definition order is the wrong order. */
  private static MetaData childrenFirst() {
    MetaData md = new MetaData();
    Table item = md.table("ddl_item");
    item.column("id", Types.INTEGER).primaryKey();
    item.column("order_id", Types.INTEGER).notNull().references(ForeignKey.to("ddl_order.id").onDelete(ForeignKey.Action.CASCADE));
    item.column("sku", Types.string(20)).index();
    Table order = md.table("ddl_order");
    order.column("id", Types.INTEGER).primaryKey();
    order.column("customer_id", Types.INTEGER).references("ddl_customer.id");
    Table customer = md.table("ddl_customer");
    customer.column("id", Types.INTEGER).primaryKey();
    customer.column("name", Types.string(40)).notNull().unique();
    customer.column("referrer_id", Types.INTEGER).references("ddl_customer.id");   // self-reference
    return md;
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void createsParentsFirstDropsChildrenFirstAndChecksFirst(TestDatabase db) {
    MetaData md = childrenFirst();
    assertThat(md.sortedTables()).extracting(Table::name).containsExactly("ddl_customer", "ddl_order", "ddl_item");
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      DdlRecorder rec = new DdlRecorder();
      engine.addListener(rec);
      md.createAll(engine);
      assertThat(rec.seen).containsExactly("CREATE TABLE ddl_customer", "CREATE TABLE ddl_order", "CREATE TABLE ddl_item",
          "CREATE INDEX ix_ddl_item_sku");
      rec.seen.clear();
      md.createAll(engine);                     // checkFirst: everything exists, nothing is sent
      assertThat(rec.seen).isEmpty();
      try (Connection conn = engine.connect()) {   // the foreign keys are real
        assertThatThrownBy(() -> conn.execute(insert(md.tables().get("ddl_item")).values(Map.of("id", 1, "order_id", 99))))
            .isInstanceOf(IntegrityError.class);
      }
      md.dropAll(engine);
      assertThat(rec.seen).containsExactly("DROP TABLE ddl_item", "DROP TABLE ddl_order", "DROP TABLE ddl_customer");
      rec.seen.clear();
      md.dropAll(engine);                       // checkFirst: nothing left to drop
      assertThat(rec.seen).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void createAllOnlyCreatesWhatIsMissing(TestDatabase db) {
    MetaData md = childrenFirst();
    MetaData customersOnly = new MetaData();
    customersOnly.table("ddl_customer").column("id", Types.INTEGER).primaryKey();
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      customersOnly.createAll(engine);
      DdlRecorder rec = new DdlRecorder();
      engine.addListener(rec);
      md.createAll(engine);
      assertThat(rec.seen).containsExactly("CREATE TABLE ddl_order", "CREATE TABLE ddl_item", "CREATE INDEX ix_ddl_item_sku");
      rec.seen.clear();
      assertThatThrownBy(() -> md.createAll(engine, false)).hasMessageContaining("ddl_customer");
      md.dropAll(engine);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  @Timeout(60)
  void foreignKeyCyclesAreCreatedAndDropped(TestDatabase db) {
    MetaData md = new MetaData();
    Table dept = md.table("ddl_dept");
    dept.column("id", Types.INTEGER).primaryKey();
    dept.column("manager_id", Types.INTEGER).references("ddl_emp.id");
    Table emp = md.table("ddl_emp");
    emp.column("id", Types.INTEGER).primaryKey();
    emp.column("dept_id", Types.INTEGER).references("ddl_dept.id");
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      DdlRecorder rec = new DdlRecorder();
      engine.addListener(rec);
      md.createAll(engine);
      if (db.name().equals("sqlite")) {
        // SQLite cannot ALTER a foreign key in, and needs not: it checks the target only on use
        assertThat(rec.seen).containsExactly("CREATE TABLE ddl_dept", "CREATE TABLE ddl_emp");
      } else {
        assertThat(rec.seen).containsExactly("CREATE TABLE ddl_dept", "CREATE TABLE ddl_emp", "ALTER TABLE ddl_dept");
      }
      try (Connection conn = engine.connect()) {   // both keys are enforced
        assertThatThrownBy(() -> conn.execute(insert(dept).values(Map.of("id", 1, "manager_id", 7))))
            .isInstanceOf(IntegrityError.class);
        conn.rollback();
        conn.execute(insert(dept).values(Map.of("id", 1)));
        conn.execute(insert(emp).values(Map.of("id", 7, "dept_id", 1)));
        conn.commit();
      }
      rec.seen.clear();
      md.dropAll(engine);
      if (db.name().equals("sqlite")) {
        assertThat(rec.seen).containsExactly("DROP TABLE ddl_emp", "DROP TABLE ddl_dept");
      } else {
        assertThat(rec.seen).containsExactly("ALTER TABLE ddl_dept", "DROP TABLE ddl_emp", "DROP TABLE ddl_dept");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void compositeForeignKeyWithActionsWorks(TestDatabase db) {
    MetaData md = new MetaData();
    Table orders = md.table("ddl_c_orders");
    orders.column("region", Types.string(2)).primaryKey();
    orders.column("no", Types.INTEGER).primaryKey();
    Table lines = md.table("ddl_c_lines");
    Column<Integer> id = lines.column("id", Types.INTEGER).primaryKey();
    Column<String> region = lines.column("o_region", Types.string(2));
    Column<Integer> no = lines.column("o_no", Types.INTEGER);
    lines.foreignKey("fk_ddl_c_lines_order", List.of(region, no), List.of("ddl_c_orders.region", "ddl_c_orders.no"),
        ForeignKey.Action.CASCADE, ForeignKey.Action.CASCADE);
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        conn.execute(insert(orders).values(Map.of("region", "eu", "no", 1)));
        conn.execute(insert(lines).values(Map.of("id", 1, "o_region", "eu", "o_no", 1)));
        conn.execute(org.jalchemy.Jalchemy.update(orders).values(Map.of("no", 2)));     // ON UPDATE CASCADE
        assertThat(conn.execute(select(no).where(id.eq(1))).scalarOne()).isEqualTo(2);
        conn.execute(org.jalchemy.Jalchemy.delete(orders));                             // ON DELETE CASCADE
        assertThat(conn.execute(select(id)).scalars().all()).isEmpty();
        conn.commit();
      } finally {
        md.dropAll(engine);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void constraintsDefaultsAndNullabilityAreEnforced(TestDatabase db) {
    MetaData md = new MetaData();
    Table t = md.table("ddl_rules");
    Column<Integer> id = t.column("id", Types.INTEGER).primaryKey();
    Column<Integer> qty = t.column("qty", Types.INTEGER).notNull().serverDefault("5");
    Column<String> code = t.column("code", Types.string(10)).unique();
    Column<String> label = t.column("label", Types.string(10)).serverDefault("'none'");
    t.check("ck_ddl_rules_qty", "qty >= 0");
    t.index("ux_ddl_rules_label", true, label);
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        var r = conn.execute(insert(t).values(Map.of("code", "a")));
        Object newId = r.insertedPrimaryKey().get(0);
        assertThat(conn.execute(select(qty, label).where(id.eq((Integer) newId))).one().values()).containsExactly(5, "none");
        conn.commit();
        assertThatThrownBy(() -> conn.execute(insert(t).values(Map.of("code", "a", "label", "x"))))
            .as("unique").isInstanceOf(IntegrityError.class);
        conn.rollback();
        assertThatThrownBy(() -> conn.execute(insert(t).values(Map.of("code", "b", "label", "none"))))
            .as("unique index").isInstanceOf(IntegrityError.class);
        conn.rollback();
        assertThatThrownBy(() -> conn.execute(insert(t).values(Map.of("code", "c", "label", "y", "qty", -1))))
            .as("check").isInstanceOf(IntegrityError.class);
        conn.rollback();
        java.util.HashMap<String, Object> nullQty = new java.util.HashMap<>();
        nullQty.put("code", "d");
        nullQty.put("qty", null);
        assertThatThrownBy(() -> conn.execute(insert(t).values(nullQty)))
            .as("not null").isInstanceOf(IntegrityError.class);
        conn.rollback();
        // identity: the next generated key follows the first
        var second = conn.execute(insert(t).values(Map.of("code", "e", "label", "z")));
        assertThat(((Number) second.insertedPrimaryKey().get(0)).intValue()).isGreaterThan(((Number) newId).intValue());
        conn.commit();
      } finally {
        md.dropAll(engine);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void ddlIsEchoed(TestDatabase db) {
    MetaData md = new MetaData();
    md.table("ddl_echoed").column("id", Types.INTEGER).primaryKey();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Engine engine = db.engine(Engine.Options.echo(true).echoTo(new PrintStream(out, true, StandardCharsets.UTF_8)))) {
      md.dropAll(engine);
      md.createAll(engine);
      md.dropAll(engine);
    }
    String echoed = out.toString(StandardCharsets.UTF_8);
    assertThat(echoed).contains("CREATE TABLE ddl_echoed (").contains("DROP TABLE ddl_echoed").contains("COMMIT");
    assertThat(echoed.indexOf("CREATE TABLE ddl_echoed")).isLessThan(echoed.lastIndexOf("DROP TABLE ddl_echoed"));
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void longNamesGetShortenedIndexAndKeyNames(TestDatabase db) {
    MetaData md = new MetaData();
    String base = "ddl_" + "long".repeat(14);                                 // 60 characters
    Table a = md.table(base + "_a");
    a.column("id", Types.INTEGER).primaryKey();
    a.column("b_reference_column", Types.INTEGER).references(base + "_b.id").index();
    Table b = md.table(base + "_b");
    b.column("id", Types.INTEGER).primaryKey();
    b.column("a_reference_column", Types.INTEGER).references(base + "_a.id").index();
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      md.dropAll(engine);
      try (Connection conn = engine.connect()) {
        assertThat(engine.dialect().hasTable(conn.jdbcConnection(), a)).isFalse();
      } catch (java.sql.SQLException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void foreignKeyToMissingTableOrColumnFailsBeforeAnyDdl() {
    MetaData md = new MetaData();
    md.table("ddl_fk_ok").column("id", Types.INTEGER).primaryKey();
    md.table("ddl_fk_bad").column("owner_id", Types.INTEGER).references("ddl_fk_missing.id");
    TestDatabase db = TestDatabase.sqlite();
    try (Engine engine = db.engine()) {
      DdlRecorder rec = new DdlRecorder();
      engine.addListener(rec);
      assertThatThrownBy(() -> md.createAll(engine)).isInstanceOf(ArgumentError.class)
          .hasMessageContaining("ddl_fk_bad.owner_id")
          .hasMessageContaining("'ddl_fk_missing'")
          .hasMessageContaining("Define that table, or fix the name in references(\"ddl_fk_missing.id\")");
      assertThat(rec.seen).isEmpty();

      MetaData md2 = new MetaData();
      md2.table("ddl_fk_parent").column("id", Types.INTEGER).primaryKey();
      md2.table("ddl_fk_child").column("parent_id", Types.INTEGER).references("ddl_fk_parent.ident");
      assertThatThrownBy(() -> md2.createAll(engine)).isInstanceOf(ArgumentError.class)
          .hasMessageContaining("ddl_fk_child.parent_id")
          .hasMessageContaining("column 'ident' of table ddl_fk_parent, which has columns [id]")
          .hasMessageContaining("fix the name in references(\"ddl_fk_parent.ident\")");
      assertThat(rec.seen).isEmpty();
    }
  }
}
