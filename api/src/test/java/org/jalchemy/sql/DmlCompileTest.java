package org.jalchemy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.*;
import static org.jalchemy.sql.SqlFixtures.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.CompileError;
import org.junit.jupiter.api.Test;

/** INSERT (one row, many rows, from a SELECT), UPDATE and DELETE, with RETURNING per dialect. */
class DmlCompileTest {
  private final SqlFixtures f = new SqlFixtures();

  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void singleRowInsert() {
    var stmt = insert(f.users).values(row("name", "sandy", "fullname", "Sandy Cheeks"));
    assertThat(sql(SQLITE, stmt)).isEqualTo("INSERT INTO sq_user (name, fullname) VALUES (?, ?)");
    assertThat(params(SQLITE, stmt)).containsExactly("sandy", "Sandy Cheeks");
    var typed = insert(f.users).value(f.name, "x").value(f.fullname, func.upper(literal("y")));
    assertThat(sql(PG, typed)).isEqualTo("INSERT INTO sq_user (name, fullname) VALUES (?, upper(?))");
    assertThat(params(PG, typed)).containsExactly("x", "y");
  }

  @Test
  void multiRowInsert() {
    var stmt = insert(f.users).values(List.of(row("id", 1, "name", "a"), row("id", 2, "name", "b"), row("id", 3, "name", "c")));
    assertThat(sql(MYSQL, stmt)).isEqualTo("INSERT INTO sq_user (id, name) VALUES (?, ?), (?, ?), (?, ?)");
    assertThat(params(MYSQL, stmt)).containsExactly(1, "a", 2, "b", 3, "c");
    assertThatThrownBy(() -> insert(f.users).values(List.of(row("name", "a"), row("fullname", "b"))))
        .isInstanceOf(ArgumentError.class)
        .hasMessageContaining("every row must name the same columns");
  }

  @Test
  void singleRowInsertCarriesTheVALUESRowThatAnExecutemanyRepeats() {
    var stmt = insert(f.users).values(row("name", "n", "fullname", "f"));
    var many = PG.compile(stmt).insertManyValues();
    assertThat(many.sql(3)).isEqualTo("INSERT INTO sq_user (name, fullname) VALUES (?, ?), (?, ?), (?, ?)");
    assertThat(many.slotsPerRow()).isEqualTo(2);
    assertThat(PG.compile(stmt).sql()).as("the marks around the row are gone").isEqualTo(many.sql(1));
    var upsert = insert(f.users).values(row("id", 1, "name", "n")).onConflictDoNothing(f.userId);
    assertThat(PG.compile(upsert).insertManyValues().sql(2))
        .isEqualTo("INSERT INTO sq_user (id, name) VALUES (?, ?), (?, ?) ON CONFLICT (id) DO NOTHING");
    assertThat(PG.compile(stmt.returning(f.userId)).insertManyValues()).as("RETURNING rows are not repeatable").isNull();
    assertThat(PG.compile(insert(f.users).values(List.of(row("name", "a"), row("name", "b")))).insertManyValues()).isNull();
    assertThat(PG.compile(select(f.name)).insertManyValues()).isNull();
  }

  @Test
  void insertFromSelect() {
    var src = select(f.empId, f.empName).where(f.dept.eq("ops"));
    var stmt = insert(f.users).fromSelect(List.of(f.userId, f.name), src);
    assertThat(sql(H2, stmt))
        .isEqualTo("INSERT INTO sq_user (id, name) SELECT sq_employee.id, sq_employee.name FROM sq_employee WHERE sq_employee.dept = ?");
    assertThat(params(H2, stmt)).containsExactly("ops");
  }

  @Test
  void insertReturningPerDialect() {
    var stmt = insert(f.users).values(row("name", "n")).returning(f.userId, f.name);
    assertThat(sql(SQLITE, stmt)).isEqualTo("INSERT INTO sq_user (name) VALUES (?) RETURNING id, name");
    assertThat(sql(PG, stmt)).isEqualTo("INSERT INTO sq_user (name) VALUES (?) RETURNING id, name");
    assertThat(sql(MYSQL, stmt)).isEqualTo("INSERT INTO sq_user (name) VALUES (?) RETURNING id, name");
    assertThat(sql(H2, stmt)).isEqualTo("SELECT id, name FROM FINAL TABLE (INSERT INTO sq_user (name) VALUES (?))");
    assertThat(SQLITE.compile(stmt).returnsRows()).isTrue();
  }

  @Test
  void insertDefaultValues() {
    assertThat(sql(PG, insert(f.users))).isEqualTo("INSERT INTO sq_user DEFAULT VALUES");
    assertThat(sql(MYSQL, insert(f.users))).isEqualTo("INSERT INTO sq_user () VALUES ()");
  }

  @Test
  void unknownColumnNameIsNamed() {
    assertThatThrownBy(() -> insert(f.users).values(row("nmae", "x")))
        .isInstanceOf(ArgumentError.class)
        .hasMessageContaining("nmae")
        .hasMessageContaining("[id, name, fullname]");
  }

  @Test
  void updateWithWhereAndExpressions() {
    var stmt = update(f.employees).set(f.salary, f.salary.plus(10)).set(f.dept, "ops").where(f.empName.eq("sandy"));
    assertThat(sql(SQLITE, stmt))
        .isEqualTo("UPDATE sq_employee SET salary=sq_employee.salary + ?, dept=? WHERE sq_employee.name = ?");
    assertThat(params(SQLITE, stmt)).containsExactly(10, "ops", "sandy");
    var viaMap = update(f.users).values(row("fullname", null)).where(f.userId.in(1, 2));
    assertThat(sql(PG, viaMap)).isEqualTo("UPDATE sq_user SET fullname=? WHERE sq_user.id IN (?, ?)");
    assertThat(params(PG, viaMap)).containsExactly(null, 1, 2);
  }

  @Test
  void updateWithCorrelatedSubquery() {
    var count = select(func.count(f.addressId)).where(f.addrUserId.eq(f.userId)).scalarSubquery();
    var stmt = update(f.users).set(f.fullname, count.cast(org.jalchemy.types.Types.STRING));
    assertThat(sql(PG, stmt))
        .isEqualTo("UPDATE sq_user SET fullname=CAST((SELECT count(sq_address.id) FROM sq_address "
            + "WHERE sq_address.user_id = sq_user.id) AS VARCHAR)");
  }

  @Test
  void updateReturningPerDialect() {
    var stmt = update(f.users).set(f.name, "z").where(f.userId.eq(1)).returning(f.userId, f.name);
    assertThat(sql(PG, stmt)).isEqualTo("UPDATE sq_user SET name=? WHERE sq_user.id = ? RETURNING id, name");
    assertThat(sql(SQLITE, stmt)).isEqualTo("UPDATE sq_user SET name=? WHERE sq_user.id = ? RETURNING id, name");
    assertThat(sql(H2, stmt)).isEqualTo("SELECT id, name FROM FINAL TABLE (UPDATE sq_user SET name=? WHERE sq_user.id = ?)");
    assertThatThrownBy(() -> sql(MYSQL, stmt))
        .isInstanceOf(CompileError.class)
        .hasMessageContaining("RETURNING")
        .hasMessageContaining("UPDATE");
  }

  @Test
  void updateWithoutValuesNamesTheFix() {
    assertThatThrownBy(() -> sql(SQLITE, update(f.users).where(f.userId.eq(1))))
        .isInstanceOf(CompileError.class)
        .hasMessageContaining("sq_user")
        .hasMessageContaining(".values(");
  }

  @Test
  void deleteWithWhereAndReturning() {
    var stmt = delete(f.users).where(f.name.startsWith("x"), f.userId.gt(2));
    assertThat(sql(SQLITE, stmt)).isEqualTo("DELETE FROM sq_user WHERE sq_user.name LIKE ? ESCAPE '/' AND sq_user.id > ?");
    assertThat(params(SQLITE, stmt)).containsExactly("x%", 2);
    assertThat(sql(PG, delete(f.users))).isEqualTo("DELETE FROM sq_user");
    var ret = delete(f.users).where(f.userId.eq(3)).returning(f.name);
    assertThat(sql(PG, ret)).isEqualTo("DELETE FROM sq_user WHERE sq_user.id = ? RETURNING name");
    assertThat(sql(MYSQL, ret)).isEqualTo("DELETE FROM sq_user WHERE sq_user.id = ? RETURNING name");
    assertThat(sql(H2, ret)).isEqualTo("SELECT name FROM OLD TABLE (DELETE FROM sq_user WHERE sq_user.id = ?)");
  }

  @Test
  void ctesInDmlGoBeforeTheStatementOrIntoItsSelect() {
    Cte ops = select(f.empId, f.empName).where(f.dept.eq("ops")).cte("ops");
    var del = delete(f.users).where(f.userId.in(select(ops.c(f.empId))));
    String cte = "ops AS (SELECT sq_employee.id, sq_employee.name FROM sq_employee WHERE sq_employee.dept = ?)";
    assertThat(sql(PG, del)).isEqualTo("WITH " + cte + " DELETE FROM sq_user WHERE sq_user.id IN (SELECT ops.id FROM ops)");
    assertThat(sql(SQLITE, del)).isEqualTo("WITH " + cte + " DELETE FROM sq_user WHERE sq_user.id IN (SELECT ops.id FROM ops)");
    assertThat(sql(MYSQL, del)).isEqualTo("DELETE FROM sq_user WHERE sq_user.id IN (WITH " + cte + " SELECT ops.id FROM ops)");
    assertThat(sql(H2, del)).isEqualTo("DELETE FROM sq_user WHERE sq_user.id IN (WITH " + cte + " SELECT ops.id FROM ops)");
    var upd = update(f.users).set(f.fullname, "ops").where(f.userId.in(select(ops.c(f.empId))));
    assertThat(sql(MYSQL, upd)).isEqualTo("UPDATE sq_user SET fullname=? WHERE sq_user.id IN (WITH " + cte + " SELECT ops.id FROM ops)");
    assertThat(params(MYSQL, upd)).containsExactly("ops", "ops");
    var ins = insert(f.users).fromSelect(List.of(f.userId, f.name), select(ops.c(f.empId), ops.c(f.empName)));
    assertThat(sql(PG, ins)).isEqualTo("WITH " + cte + " INSERT INTO sq_user (id, name) SELECT ops.id, ops.name FROM ops");
    assertThat(sql(MYSQL, ins)).isEqualTo("INSERT INTO sq_user (id, name) WITH " + cte + " SELECT ops.id, ops.name FROM ops");
  }

  @Test
  void deleteWithExistsSubquery() {
    var stmt = delete(f.users).where(select(f.addressId).where(f.addrUserId.eq(f.userId)).exists().not());
    assertThat(sql(PG, stmt))
        .isEqualTo("DELETE FROM sq_user WHERE NOT EXISTS (SELECT sq_address.id FROM sq_address WHERE sq_address.user_id = sq_user.id)");
  }
}
