package org.jalchemy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jalchemy.Jalchemy.*;

import java.util.List;
import java.util.Map;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.result.Row;
import org.jalchemy.sql.elements.Window;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SELECT constructs executed on every database, checking the rows that come back. */
class SelectRoundTripTest {
  private final RoundTripFixture fx = new RoundTripFixture();
  private final SqlFixtures f = fx.f;

  private interface Work {
    void run(Connection conn);
  }

  private void withData(TestDatabase db, Work work) {
    try (Engine engine = db.engine()) {
      fx.setUp(engine);
      try (Connection conn = engine.connect()) {
        work.run(conn);
      } finally {
        fx.tearDown(engine);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void predicatesAndWildcardEscaping(TestDatabase db) {
    withData(db, conn -> {
      assertThat(conn.execute(select(f.name).where(f.name.startsWith("50%")).orderBy(f.name)).scalars().all())
          .containsExactly("50%_off");
      assertThat(conn.execute(select(f.name).where(f.name.startsWith("50")).orderBy(f.userId)).scalars().all())
          .containsExactly("50%_off", "50abc");
      assertThat(conn.execute(select(f.name).where(f.name.contains("_")).orderBy(f.name)).scalars().all())
          .containsExactly("50%_off");
      assertThat(conn.execute(select(f.name).where(f.name.endsWith("_off"))).scalars().all()).containsExactly("50%_off");
      assertThat(conn.execute(select(f.name).where(f.name.ilike("SAN%"))).scalars().all()).containsExactly("sandy");
      assertThat(conn.execute(select(f.userId).where(f.fullname.eq((String) null)).orderBy(f.userId)).scalars().all())
          .containsExactly(3, 4);
      assertThat(conn.execute(select(f.userId).where(f.userId.in(List.of(2, 4, 9))).orderBy(f.userId)).scalars().all())
          .containsExactly(2, 4);
      assertThat(conn.execute(select(f.userId).where(f.userId.in(List.of()))).scalars().all()).isEmpty();
      assertThat(conn.execute(select(f.userId).where(f.userId.notIn(List.of())).orderBy(f.userId)).scalars().all())
          .hasSize(5);
      assertThat(conn.execute(select(f.userId).where(f.userId.between(2, 3).or(f.name.eq("50abc")).and(not(f.userId.eq(3))))
          .orderBy(f.userId)).scalars().all())
          .containsExactly(2, 5);
      assertThat(conn.execute(select(f.name.concat("!").concat(f.name)).where(f.userId.eq(3))).scalarOne())
          .isEqualTo("patrick!patrick");
      assertThat(conn.execute(select(f.salary.plus(1).times(2)).where(f.empId.eq(3))).scalarOne()).isEqualTo(202);
    });
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void joinsAndSelfJoins(TestDatabase db) {
    withData(db, conn -> {
      List<Row> inner = conn.execute(select(f.name, f.email).join(f.addresses).orderBy(f.email)).all();
      assertThat(inner).extracting(r -> r.get(f.name), r -> r.get(f.email))
          .containsExactly(tuple("sandy", "sandy@x.org"), tuple("sandy", "sandy@y.org"), tuple("spongebob", "sb@x.org"));
      List<Row> outer = conn.execute(select(f.name, f.email).outerJoin(f.addresses).where(f.userId.le(3))
          .orderBy(f.userId, f.email)).all();
      assertThat(outer).extracting(r -> r.get(f.email)).containsExactly("sb@x.org", "sandy@x.org", "sandy@y.org", null);
      TableAlias manager = f.employees.alias("manager");
      var stmt = select(f.empName, manager.c(f.empName).label("boss_name"))
          .join(manager, f.managerId.eq(manager.c(f.empId))).orderBy(f.empId);
      assertThat(conn.execute(stmt).all()).extracting(r -> r.get(0), r -> r.get("boss_name"))
          .containsExactly(tuple("mid", "boss"), tuple("dev", "mid"), tuple("dev2", "mid"));
      TableAlias report = f.employees.alias("report");
      assertThat(conn.execute(select(report.c(f.empName)).selectFrom(f.employees.join(report))
          .where(f.empName.eq("mid")).orderBy(report.c(f.empName))).scalars().all())
          .containsExactly("dev", "dev2");
    });
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void groupByHavingOrderLimitDistinct(TestDatabase db) {
    withData(db, conn -> {
      var n = func.count(f.email).label("n");
      List<Row> rows = conn.execute(select(f.name, n).join(f.addresses).groupBy(f.name).having(func.count(f.email).gt(1L))).all();
      assertThat(rows).extracting(r -> r.get(f.name), r -> r.get(n)).containsExactly(tuple("sandy", 2L));
      var totals = conn.execute(select(f.dept, func.sum(f.salary).label("total"), func.max(f.salary), func.min(f.salary),
          func.count()).groupBy(f.dept).orderBy(f.dept)).all();
      assertThat(totals).extracting(r -> r.get(0), r -> r.get(1), r -> r.get(2), r -> r.get(3), r -> r.get(4))
          .containsExactly(tuple("eng", 250, 150, 100, 2L), tuple("ops", 500, 300, 200, 2L));
      assertThat(conn.execute(select(func.avg(f.salary)).where(f.dept.eq("ops"))).scalarOne()).isEqualByComparingTo("250");
      assertThat(conn.execute(select(f.userId).orderBy(f.userId).limit(2).offset(1)).scalars().all()).containsExactly(2, 3);
      assertThat(conn.execute(select(f.userId).orderBy(f.userId.desc()).offset(3)).scalars().all()).containsExactly(2, 1);
      assertThat(conn.execute(select(f.dept).distinct().orderBy(f.dept.desc())).scalars().all()).containsExactly("ops", "eng");
      assertThat(conn.execute(select(f.fullname).where(f.userId.le(3)).orderBy(f.fullname.asc().nullsFirst())).scalars().all())
          .containsExactly(null, "Sandy Cheeks", "Spongebob Squarepants");
      var fn = f.fullname.label("fn");
      assertThat(conn.execute(select(fn).where(f.userId.le(3)).orderBy(fn.desc().nullsLast())).scalars().all())
          .containsExactly("Spongebob Squarepants", "Sandy Cheeks", null);
      assertThat(conn.execute(select(func.coalesce(f.fullname, "?"), func.upper(f.name)).where(f.userId.eq(3))).one().values())
          .containsExactly("?", "PATRICK");
      assertThat(conn.execute(select(func.now())).scalarOne()).isInstanceOf(java.time.LocalDateTime.class);
      assertThat(conn.execute(select(func.named("abs", Types.INTEGER, literal(-4)))).scalarOne()).isEqualTo(4);
    });
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void subqueriesExistsAndUnion(TestDatabase db) {
    withData(db, conn -> {
      var count = select(func.count(f.addressId)).where(f.addrUserId.eq(f.userId)).scalarSubquery();
      List<Row> rows = conn.execute(select(f.name, count.label("n")).where(f.userId.le(3)).orderBy(f.userId)).all();
      assertThat(rows).extracting(r -> r.get(1)).containsExactly(1L, 2L, 0L);
      var hasMail = select(f.addressId).where(f.addrUserId.eq(f.userId)).exists();
      assertThat(conn.execute(select(f.name).where(hasMail).orderBy(f.userId)).scalars().all())
          .containsExactly("spongebob", "sandy");
      assertThat(conn.execute(select(f.name).where(not(hasMail)).orderBy(f.userId)).scalars().all())
          .containsExactly("patrick", "50%_off", "50abc");
      assertThat(conn.execute(select(f.name).where(f.userId.in(select(f.addrUserId).where(f.email.endsWith("@y.org"))))).scalars().all())
          .containsExactly("sandy");
      var c = func.count(f.addressId).label("c");
      Subquery counts = select(f.addrUserId, c).groupBy(f.addrUserId).subquery("counts");
      assertThat(conn.execute(select(f.name, counts.c(c)).join(counts, f.userId.eq(counts.c(f.addrUserId)))
          .orderBy(counts.c(c).desc())).all()).extracting(r -> r.get(0), r -> r.get(1))
          .containsExactly(tuple("sandy", 2L), tuple("spongebob", 1L));
      var headcount = func.count();
      var doubled = func.max(f.salary).times(2);
      Subquery perDept = select(f.dept, headcount, doubled).groupBy(f.dept).subquery();
      assertThat(conn.execute(select(perDept.c(f.dept), perDept.c(headcount), perDept.c(doubled)).orderBy(perDept.c(f.dept)))
          .all()).extracting(r -> r.get(0), r -> r.get(1), r -> r.get(2))
          .containsExactly(tuple("eng", 2L, 300), tuple("ops", 2L, 600));
      TableAlias boss = f.employees.alias("boss");
      Subquery pairs = select(f.empId, boss.c(f.empId)).join(boss, f.managerId.eq(boss.c(f.empId))).subquery("pairs");
      assertThat(conn.execute(select(pairs.c(boss.c(f.empId))).where(pairs.c(f.empId).eq(3))).scalarOne()).isEqualTo(2);
      var limited = select(f.name).where(f.userId.gt(1)).orderBy(f.userId).limit(1).union(select(f.empName).where(f.empId.eq(1)));
      assertThat(conn.execute(limited.orderBy(f.name)).scalars().all()).containsExactly("boss", "sandy");
      var nested = select(f.name).where(f.userId.eq(1)).union(select(f.empName).where(f.empId.eq(1))).unionAll(select(f.dept).where(f.empId.eq(1)));
      assertThat(conn.execute(nested.orderBy(f.name)).scalars().all()).containsExactly("boss", "ops", "spongebob");
      var u = select(f.name).where(f.userId.lt(3)).union(select(f.empName).where(f.salary.gt(150))).orderBy(f.name);
      assertThat(conn.execute(u).scalars().all()).containsExactly("boss", "mid", "sandy", "spongebob");
      var ua = select(f.dept).unionAll(select(f.dept)).orderBy(f.dept).limit(3);
      assertThat(conn.execute(ua).scalars().all()).containsExactly("eng", "eng", "eng");
      var who = f.name.label("who");
      assertThat(conn.execute(select(who).where(f.userId.eq(1)).unionAll(select(f.empName).where(f.empId.eq(1))).orderBy(who.desc()))
          .scalars().all()).containsExactly("spongebob", "boss");
    });
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void ctesRecursiveCteCaseCastAndWindows(TestDatabase db) {
    withData(db, conn -> {
      Cte eng = select(f.empId, f.empName).where(f.dept.eq("eng")).cte("eng");
      assertThat(conn.execute(select(eng.c(f.empName)).orderBy(eng.c(f.empName))).scalars().all()).containsExactly("dev", "dev2");

      Cte chain = select(f.empId, f.empName, literal(0).label("depth")).where(f.managerId.isNull()).cteRecursive("chain");
      TableAlias e = f.employees.alias("e");
      chain = chain.unionAll(select(e.c(f.empId), e.c(f.empName), chain.c("depth", Integer.class).plus(1))
          .join(chain, e.c(f.managerId).eq(chain.c(f.empId))));
      List<Row> tree = conn.execute(select(chain.c(f.empName), chain.c("depth", Integer.class))
          .orderBy(chain.c("depth", Integer.class), chain.c(f.empName))).all();
      assertThat(tree).extracting(r -> r.get(0), r -> r.get(1))
          .containsExactly(tuple("boss", 0), tuple("mid", 1), tuple("dev", 2), tuple("dev2", 2));

      var band = caseWhen(f.salary.lt(150), "low").when(f.salary.lt(250), "mid").otherwise("high");
      assertThat(conn.execute(select(band.label("band")).orderBy(f.empId)).scalars().all())
          .containsExactly("high", "mid", "low", "mid");

      assertThat(conn.execute(select(cast(f.salary, Types.STRING)).where(f.empId.eq(1))).scalarOne()).isEqualTo("300");
      assertThat(conn.execute(select(cast(literal("42"), Types.INTEGER).plus(1))).scalarOne()).isEqualTo(43);

      var rn = func.rowNumber().over(Window.partitionBy(f.dept).orderBy(f.salary.desc())).label("rn");
      var total = func.sum(f.salary).over(Window.partitionBy(f.dept)).label("total");
      List<Row> ranked = conn.execute(select(f.empName, rn, total).orderBy(f.empId)).all();
      assertThat(ranked).extracting(r -> r.get(0), r -> r.get(rn), r -> r.get(2))
          .containsExactly(tuple("boss", 1L, 500), tuple("mid", 2L, 500), tuple("dev", 2L, 250), tuple("dev2", 1L, 250));
      assertThat(conn.execute(select(func.count().over()).where(f.empId.le(2))).scalars().all()).containsExactly(2L, 2L);
    });
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void textWithParameters(TestDatabase db) {
    withData(db, conn -> {
      assertThat(conn.execute(text("SELECT name FROM sq_user WHERE id = :id"), Map.of("id", 2)).scalar()).isEqualTo("sandy");
      assertThat(conn.execute(select(f.name).where(text("sq_user.id > :low").bindParams(Map.of("low", 3))).orderBy(f.userId))
          .scalars().all()).containsExactly("50%_off", "50abc");
      String hostile = "x'); DROP TABLE sq_user; --";
      assertThat(conn.execute(text("SELECT count(*) FROM sq_user WHERE name = :n"), Map.of("n", hostile)).scalar())
          .isIn(0, 0L, java.math.BigInteger.ZERO, java.math.BigDecimal.ZERO);
      assertThat(conn.execute(select(func.count()).selectFrom(f.users)).scalarOne()).isEqualTo(5L);
      if (db.name().equals("postgresql")) {
        // A PostgreSQL cast right after a parameter stays a cast.
        assertThat(conn.execute(text("SELECT :v::int + 1"), Map.of("v", "41")).scalar()).isEqualTo(42);
      }
    });
  }
}
