package org.jalchemy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.DataError;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.exc.JalchemyException;
import org.jalchemy.exc.OperationalError;
import org.jalchemy.exc.ProgrammingError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Driver exceptions become the PEP 249 classes, with the statement and its parameters, on every database. */
class ErrorTranslationTest {
  private final MetaData md = new MetaData();
  private final Table parents = md.table("eng_err_parent");
  private final Column<Integer> pid = parents.column("id", Types.INTEGER).primaryKey();
  private final Column<String> code = parents.column("code", Types.string(5)).notNull().unique();
  private final Column<Short> small = parents.column("small", Types.SMALL_INTEGER);
  private final Column<BigDecimal> amount = parents.column("amount", Types.numeric(4, 2));
  private final Table children = md.table("eng_err_child");
  private final Column<Integer> cid = children.column("id", Types.INTEGER).primaryKey();
  private final Column<Integer> parentId = children.column("parent_id", Types.INTEGER).references("eng_err_parent.id");

  private static <E extends DBAPIError> E expect(Class<E> type, Executable action) {
    try {
      action.execute();
    } catch (Throwable t) {
      assertThat(t).isInstanceOf(type).isInstanceOf(JalchemyException.class);
      return type.cast(t);
    }
    throw new AssertionError("expected " + type.getSimpleName() + " but nothing was thrown");
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void constraintViolationsAreIntegrityErrors(TestDatabase db) {
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        conn.execute(insert(parents).values(Map.of("code", "a")));
        conn.commit();

        IntegrityError unique = expect(IntegrityError.class, () -> conn.execute(insert(parents).values(Map.of("code", "a"))));
        assertThat(unique.statement()).isEqualTo("INSERT INTO eng_err_parent (code) VALUES (?)");
        assertThat(List.copyOf(unique.parameters())).isEqualTo(List.of("a"));
        assertThat(unique.code()).isEqualTo("integrity");
        assertThat(unique.getMessage()).contains("[SQL: INSERT INTO eng_err_parent (code) VALUES (?)]", "[parameters: ('a')]");
        conn.rollback();

        IntegrityError fk = expect(IntegrityError.class, () -> conn.execute(insert(children).value(parentId, 999)));
        assertThat(List.copyOf(fk.parameters())).isEqualTo(List.of(999));
        conn.rollback();

        IntegrityError notNull =
            expect(IntegrityError.class, () -> conn.execute(insert(parents).value(small, (short) 1)));
        assertThat(notNull.statement()).contains("INSERT INTO eng_err_parent");
        conn.rollback();
      }
      md.dropAll(engine);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void badSqlAndMissingTablesAreProgrammingErrors(TestDatabase db) {
    try (Engine engine = db.engine()) {
      try (Connection conn = engine.connect()) {
        ProgrammingError syntax = expect(ProgrammingError.class, () -> conn.execute(text("selec 1 frm nowhere")));
        assertThat(syntax.statement()).isEqualTo("selec 1 frm nowhere");
        conn.rollback();
        ProgrammingError missing =
            expect(
                ProgrammingError.class,
                () -> conn.execute(text("select * from eng_no_such_table where id = :id"), Map.of("id", 5)));
        assertThat(missing.statement()).contains("eng_no_such_table");
        assertThat(List.copyOf(missing.parameters())).isEqualTo(List.of(5));
        assertThat(missing.getMessage()).contains("[parameters: (5)]");
        conn.rollback();
      }
    }
  }

  /** SQLite stores any value in any column, so it raises no DataError for these; its type mismatch is one. */
  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void valuesThatDoNotFitAreDataErrors(TestDatabase db) {
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        if (db.name().equals("sqlite")) {
          DataError mismatch =
              expect(DataError.class, () -> conn.execute(text("insert into eng_err_parent (id, code) values ('abc', 'x')")));
          assertThat(mismatch.statement()).contains("'abc'");
          conn.rollback();
        } else {
          DataError tooLong =
              expect(DataError.class, () -> conn.execute(insert(parents).values(Map.of("code", "much too long"))));
          assertThat(List.copyOf(tooLong.parameters())).isEqualTo(List.of("much too long"));
          assertThat(tooLong.sqlState()).startsWith("22");
          conn.rollback();
          DataError overflow =
              expect(DataError.class, () -> conn.execute(insert(parents).value(code, "b").value(amount, new BigDecimal("12345.6"))));
          assertThat(overflow.sqlState()).startsWith("22");
          conn.rollback();
        }
      }
      md.dropAll(engine);
    }
  }

  @Test
  void unreachableServersAreOperationalErrors() {
    Engine.Options quick = Engine.Options.defaults().poolTimeout(Duration.ofMillis(500));
    for (String url :
        List.of(
            "postgresql+pgjdbc://postgres@127.0.0.1:1/test",
            "mariadb://root@127.0.0.1:1/test",
            "h2://127.0.0.1:1/eng_nowhere",
            "sqlite+xerial:////nonexistent-dir/eng/x.db")) {
      try (Engine engine = Engine.create(url, quick)) {
        OperationalError e = expect(OperationalError.class, engine::connect);
        assertThat(e.getMessage()).as(url).contains("could not connect to");
        assertThat(e.statement()).isNull();
      }
    }
  }

  /** With a server-side cursor PostgreSQL fails only when the bad row is fetched, after execute returned. */
  @Test
  void errorsWhileFetchingRowsKeepTheStatementAndParameters() {
    try (Engine engine = TestDatabase.postgresql().engine()) {
      try (Connection conn = engine.connect()) {
        var query =
            text("select 10 / (x - :k) as q from generate_series(1, 5) x")
                .executionOptions(org.jalchemy.sql.ExecutionOptions.yieldPer(1));
        var result = conn.execute(query, Map.of("k", 3));
        var rows = result.iterator();
        assertThat(rows.next().get(0)).isEqualTo(-5);
        DataError e = expect(DataError.class, () -> rows.forEachRemaining(r -> {}));
        assertThat(e.sqlState()).isEqualTo("22012");
        assertThat(e.statement()).contains("generate_series");
        assertThat(List.copyOf(e.parameters())).isEqualTo(List.of(3));
      }
    }
  }

  @Test
  void aStatementTimeoutIsAnOperationalError() {
    try (Engine engine = TestDatabase.postgresql().engine()) {
      try (Connection conn = engine.connect()) {
        var slow = text("select pg_sleep(5)").executionOptions(org.jalchemy.sql.ExecutionOptions.DEFAULT.withTimeout(1));
        OperationalError e = expect(OperationalError.class, () -> conn.execute(slow));
        assertThat(e.sqlState()).isEqualTo("57014");
        assertThat(e.statement()).isEqualTo("select pg_sleep(5)");
        conn.rollback();
        assertThat(conn.execute(text("select 1")).scalar()).isEqualTo(1);
      }
    }
  }
}
