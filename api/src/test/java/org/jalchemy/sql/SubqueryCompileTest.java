package org.jalchemy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.*;
import static org.jalchemy.sql.SqlFixtures.*;

import org.jalchemy.sql.elements.Window;
import org.jalchemy.types.Types;
import org.junit.jupiter.api.Test;

/** Subqueries, scalar subqueries with correlation, EXISTS, UNION, CTEs, CASE, CAST and windows. */
class SubqueryCompileTest {
  private final SqlFixtures f = new SqlFixtures();

  @Test
  void namedSubqueryInFromAndJoin() {
    var n = func.count(f.addressId).label("n");
    Subquery counts = select(f.addrUserId, n).groupBy(f.addrUserId).subquery("counts");
    var stmt = select(f.name, counts.c(n)).join(counts, f.userId.eq(counts.c(f.addrUserId))).where(counts.c(n).gt(1L));
    assertThat(sql(PG, stmt))
        .isEqualTo("SELECT sq_user.name, counts.n FROM sq_user JOIN (SELECT sq_address.user_id, "
            + "count(sq_address.id) AS n FROM sq_address GROUP BY sq_address.user_id) AS counts "
            + "ON sq_user.id = counts.user_id WHERE counts.n > ?");
    assertThat(params(PG, stmt)).containsExactly(1L);
  }

  @Test
  void anonymousSubqueriesAreNumbered() {
    Subquery a = select(f.userId).where(f.userId.gt(1)).subquery();
    Subquery b = select(f.addrUserId).subquery();
    var stmt = select(a.c(f.userId), b.c(f.addrUserId)).where(a.c(f.userId).eq(b.c(f.addrUserId)));
    assertThat(sql(SQLITE, stmt))
        .isEqualTo("SELECT anon_1.id, anon_2.user_id FROM (SELECT sq_user.id FROM sq_user WHERE sq_user.id > ?) AS anon_1, "
            + "(SELECT sq_address.user_id FROM sq_address) AS anon_2 WHERE anon_1.id = anon_2.user_id");
  }

  @Test
  void subqueryColumnsWithoutANameGetTheNameOuterQueriesUse() {
    var count = func.count();
    var bumped = f.salary.plus(1);
    Subquery s = select(f.dept, count, bumped, f.managerId.label("boss"), f.empId, m().c(f.empId)).groupBy(f.dept).subquery("s");
    assertThat(s.columns()).extracting(NamedColumn::name).containsExactly("dept", "count", "_col3", "boss", "id", "id_6");
    assertThat(sql(PG, select(s.c(count), s.c(bumped), s.c(f.empId))))
        .isEqualTo("SELECT s.count, s._col3, s.id FROM (SELECT sq_employee.dept, count(*) AS count, "
            + "sq_employee.salary + ? AS _col3, sq_employee.manager_id AS boss, sq_employee.id, m.id AS id_6 "
            + "FROM sq_employee, sq_employee AS m GROUP BY sq_employee.dept) AS s");
    Cte c = select(func.max(f.salary)).cte("c");
    assertThat(sql(SQLITE, select(c)))
        .isEqualTo("WITH c AS (SELECT max(sq_employee.salary) AS max FROM sq_employee) SELECT c.max FROM c");
  }

  private TableAlias m() {
    return m == null ? (m = f.employees.alias("m")) : m;
  }

  private TableAlias m;

  @Test
  void selectAllOfASubquery() {
    Subquery s = select(f.userId, f.name).where(f.name.startsWith("s")).subquery("s");
    assertThat(sql(H2, select(s))).isEqualTo(
        "SELECT s.id, s.name FROM (SELECT sq_user.id, sq_user.name FROM sq_user WHERE sq_user.name LIKE ? ESCAPE '/') AS s");
  }

  @Test
  void scalarSubqueryCorrelatesEnclosingTables() {
    var count = select(func.count(f.addressId)).where(f.addrUserId.eq(f.userId)).scalarSubquery();
    var stmt = select(f.name, count.label("n")).where(count.gt(0L));
    assertThat(sql(SQLITE, stmt))
        .isEqualTo("SELECT sq_user.name, (SELECT count(sq_address.id) FROM sq_address WHERE sq_address.user_id = sq_user.id) AS n "
            + "FROM sq_user WHERE (SELECT count(sq_address.id) FROM sq_address WHERE sq_address.user_id = sq_user.id) > ?");
    assertThat(params(SQLITE, stmt)).containsExactly(0L);
  }

  @Test
  void uncorrelatedScalarSubqueryKeepsItsFrom() {
    var maxId = select(func.max(f.userId)).scalarSubquery();
    assertThat(sql(PG, select(f.name).where(f.userId.eq(maxId))))
        .isEqualTo("SELECT sq_user.name FROM sq_user WHERE sq_user.id = (SELECT max(sq_user.id) FROM sq_user)");
  }

  @Test
  void existsCorrelates() {
    var hasMail = select(f.addressId).where(f.addrUserId.eq(f.userId), f.email.contains("@")).exists();
    var stmt = select(f.name).where(hasMail, f.userId.gt(3));
    assertThat(sql(MYSQL, stmt))
        .isEqualTo("SELECT sq_user.name FROM sq_user WHERE EXISTS (SELECT sq_address.id FROM sq_address "
            + "WHERE sq_address.user_id = sq_user.id AND sq_address.email LIKE ? ESCAPE '/') AND sq_user.id > ?");
    assertThat(params(MYSQL, stmt)).containsExactly("%@%", 3);
    assertThat(sql(MYSQL, select(f.name).where(not(hasMail))))
        .startsWith("SELECT sq_user.name FROM sq_user WHERE NOT EXISTS (SELECT sq_address.id FROM sq_address");
  }

  @Test
  void unionAndUnionAll() {
    var a = select(f.name).where(f.userId.lt(3));
    var b = select(f.empName).where(f.salary.gt(10));
    assertThat(sql(SQLITE, a.union(b)))
        .isEqualTo("SELECT sq_user.name FROM sq_user WHERE sq_user.id < ? UNION "
            + "SELECT sq_employee.name FROM sq_employee WHERE sq_employee.salary > ?");
    var all = a.unionAll(b).orderBy(f.name).limit(5);
    assertThat(sql(PG, all))
        .isEqualTo("SELECT sq_user.name FROM sq_user WHERE sq_user.id < ? UNION ALL "
            + "SELECT sq_employee.name FROM sq_employee WHERE sq_employee.salary > ? ORDER BY name LIMIT ?");
    assertThat(params(PG, all)).containsExactly(3, 10, 5);
  }

  @Test
  void staticForms() {
    var a = select(f.name);
    var b = select(f.empName);
    assertThat(sql(SQLITE, union(a, b))).isEqualTo(sql(SQLITE, a.union(b)));
    assertThat(sql(SQLITE, unionAll(a, b))).isEqualTo("SELECT sq_user.name FROM sq_user UNION ALL SELECT sq_employee.name FROM sq_employee");
    assertThat(sql(SQLITE, select(f.name).where(exists(select(f.addressId).where(f.addrUserId.eq(f.userId))))))
        .isEqualTo("SELECT sq_user.name FROM sq_user WHERE EXISTS (SELECT sq_address.id FROM sq_address WHERE sq_address.user_id = sq_user.id)");
    assertThat(sql(PG, select(f.name).where(f.userId.in(union(select(f.addrUserId), select(f.empId))))))
        .isEqualTo("SELECT sq_user.name FROM sq_user WHERE sq_user.id IN (SELECT sq_address.user_id FROM sq_address UNION SELECT sq_employee.id FROM sq_employee)");
  }

  @Test
  void unionOrderedByALabel() {
    var n = f.name.label("who");
    var u = select(n).unionAll(select(f.empName)).orderBy(n.desc());
    assertThat(sql(PG, u))
        .isEqualTo("SELECT sq_user.name AS who FROM sq_user UNION ALL SELECT sq_employee.name FROM sq_employee ORDER BY who DESC");
  }

  @Test
  void unionMembersWithTheirOwnLimitAreParenthesized() {
    var u = select(f.name).orderBy(f.name).limit(1).union(select(f.empName));
    assertThat(sql(PG, u))
        .isEqualTo("(SELECT sq_user.name FROM sq_user ORDER BY sq_user.name LIMIT ?) UNION SELECT sq_employee.name FROM sq_employee");
    assertThat(sql(SQLITE, u))
        .isEqualTo("SELECT * FROM (SELECT sq_user.name FROM sq_user ORDER BY sq_user.name LIMIT ?) UNION SELECT sq_employee.name FROM sq_employee");
    var nested = select(f.name).union(select(f.empName)).unionAll(select(f.dept));
    assertThat(sql(H2, nested))
        .isEqualTo("(SELECT sq_user.name FROM sq_user UNION SELECT sq_employee.name FROM sq_employee) UNION ALL SELECT sq_employee.dept FROM sq_employee");
    assertThat(sql(SQLITE, nested))
        .isEqualTo("SELECT * FROM (SELECT sq_user.name FROM sq_user UNION SELECT sq_employee.name FROM sq_employee) UNION ALL SELECT sq_employee.dept FROM sq_employee");
  }

  @Test
  void unionAsSubquery() {
    Subquery names = select(f.name.label("n")).union(select(f.empName.label("n"))).subquery("names");
    assertThat(sql(SQLITE, select(func.count()).selectFrom(names)))
        .isEqualTo("SELECT count(*) FROM (SELECT sq_user.name AS n FROM sq_user UNION "
            + "SELECT sq_employee.name AS n FROM sq_employee) AS names");
  }

  @Test
  void cte() {
    Cte rich = select(f.empId, f.empName).where(f.salary.gt(100)).cte("rich");
    var stmt = select(rich.c(f.empName)).where(rich.c(f.empId).lt(10));
    assertThat(sql(PG, stmt))
        .isEqualTo("WITH rich AS (SELECT sq_employee.id, sq_employee.name FROM sq_employee WHERE sq_employee.salary > ?) "
            + "SELECT rich.name FROM rich WHERE rich.id < ?");
    assertThat(params(PG, stmt)).containsExactly(100, 10);
  }

  @Test
  void cteReferringToAnotherCte() {
    Cte base = select(f.empId, f.salary).cte("base");
    Cte top = select(base.c(f.empId)).where(base.c(f.salary).gt(5)).cte("top_paid");
    var stmt = select(top.c(f.empId));
    assertThat(sql(SQLITE, stmt))
        .isEqualTo("WITH base AS (SELECT sq_employee.id, sq_employee.salary FROM sq_employee), "
            + "top_paid AS (SELECT base.id FROM base WHERE base.salary > ?) SELECT top_paid.id FROM top_paid");
  }

  @Test
  void recursiveCte() {
    Cte chain = select(f.empId, f.empName, f.managerId).where(f.managerId.isNull()).cteRecursive("chain");
    TableAlias e = f.employees.alias("e");
    chain = chain.unionAll(select(e.c(f.empId), e.c(f.empName), e.c(f.managerId))
        .join(chain, e.c(f.managerId).eq(chain.c(f.empId))));
    var stmt = select(chain.c(f.empName)).orderBy(chain.c(f.empName));
    String body = "(SELECT sq_employee.id, sq_employee.name, sq_employee.manager_id FROM sq_employee "
        + "WHERE sq_employee.manager_id IS NULL UNION ALL SELECT e.id, e.name, e.manager_id FROM sq_employee AS e "
        + "JOIN chain ON e.manager_id = chain.id) SELECT chain.name FROM chain ORDER BY chain.name";
    assertThat(sql(PG, stmt)).isEqualTo("WITH RECURSIVE chain(id, name, manager_id) AS " + body);
    assertThat(sql(MYSQL, stmt)).isEqualTo("WITH RECURSIVE chain(id, name, manager_id) AS " + body);
  }

  @Test
  void recursiveCteAsDocumented() {
    Cte nums = select(literal(1).label("n")).cteRecursive("nums");
    NamedColumn<Integer> n = nums.c("n", Integer.class);
    nums = nums.unionAll(select(n.plus(1)).where(n.lt(10)));
    var stmt = select(nums.c("n", Integer.class));
    assertThat(sql(SQLITE, stmt))
        .isEqualTo("WITH RECURSIVE nums(n) AS (SELECT ? AS n UNION ALL SELECT nums.n + ? FROM nums WHERE nums.n < ?) "
            + "SELECT nums.n FROM nums");
    assertThat(params(SQLITE, stmt)).containsExactly(1, 1, 10);
  }

  @Test
  void caseExpressions() {
    var band = caseWhen(f.salary.lt(10), "low").when(f.salary.lt(100), "mid").otherwise("high");
    var stmt = select(f.empName, band.label("band"));
    assertThat(sql(SQLITE, stmt))
        .isEqualTo("SELECT sq_employee.name, CASE WHEN sq_employee.salary < ? THEN ? WHEN sq_employee.salary < ? THEN ? "
            + "ELSE ? END AS band FROM sq_employee");
    assertThat(params(SQLITE, stmt)).containsExactly(10, "low", 100, "mid", "high");
    assertThat(sql(SQLITE, select(caseWhen(f.dept.isNull(), f.empName))))
        .isEqualTo("SELECT CASE WHEN sq_employee.dept IS NULL THEN sq_employee.name END FROM sq_employee");
  }

  @Test
  void castUsesEachDialectsTypeName() {
    var stmt = select(cast(f.salary, Types.STRING), f.dept.cast(Types.INTEGER));
    assertThat(sql(PG, stmt)).isEqualTo("SELECT CAST(sq_employee.salary AS VARCHAR), CAST(sq_employee.dept AS INTEGER) FROM sq_employee");
    assertThat(sql(SQLITE, stmt)).isEqualTo("SELECT CAST(sq_employee.salary AS VARCHAR), CAST(sq_employee.dept AS INTEGER) FROM sq_employee");
    assertThat(sql(H2, stmt)).isEqualTo("SELECT CAST(sq_employee.salary AS VARCHAR), CAST(sq_employee.dept AS INTEGER) FROM sq_employee");
    assertThat(sql(MYSQL, stmt)).isEqualTo("SELECT CAST(sq_employee.salary AS CHAR), CAST(sq_employee.dept AS SIGNED) FROM sq_employee");
    assertThat(sql(PG, select(cast(literal("12"), Types.INTEGER).plus(1))))
        .isEqualTo("SELECT CAST(? AS INTEGER) + ?");
  }

  @Test
  void windowFunctions() {
    var rn = func.rowNumber().over(Window.partitionBy(f.dept).orderBy(f.salary.desc()));
    var total = func.sum(f.salary).over(Window.partitionBy(f.dept));
    var running = func.sum(f.salary).over(Window.orderedBy(f.empId));
    var all = func.count().over();
    var stmt = select(f.empName, rn.label("rn"), total.label("total"), running, all);
    assertThat(sql(PG, stmt))
        .isEqualTo("SELECT sq_employee.name, row_number() OVER (PARTITION BY sq_employee.dept ORDER BY sq_employee.salary DESC) AS rn, "
            + "sum(sq_employee.salary) OVER (PARTITION BY sq_employee.dept) AS total, "
            + "sum(sq_employee.salary) OVER (ORDER BY sq_employee.id), count(*) OVER () FROM sq_employee");
  }
}
