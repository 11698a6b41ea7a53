package org.jalchemy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.*;
import static org.jalchemy.sql.SqlFixtures.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.CompiledStatement;
import org.jalchemy.sql.elements.Window;
import org.jalchemy.types.Types;
import org.junit.jupiter.api.Test;

/**
 * The statement cache's key: statements of one shape share a compiled form whatever their values,
 * and a compiled form found under a key always gives the SQL and parameters a fresh compilation
 * would. Checked over a catalogue of statements, each built with several values (some of which
 * change the shape, as the size of an IN list does).
 */
class CacheKeyTest {
  private final SqlFixtures f = new SqlFixtures();

  /** Statement builders; {@code v} is a value and, for some, also a shape (list size, name). */
  private List<IntFunction<ClauseElement>> catalogue() {
    TableAlias m = f.employees.alias("m");
    Subquery shared = select(f.userId).where(f.userId.gt(2)).subquery();
    List<IntFunction<ClauseElement>> c = new ArrayList<>();
    c.add(v -> select(f.name).where(f.userId.eq(v)));
    c.add(v -> select(f.name).where(f.userId.ne(v)));
    c.add(v -> select(f.name).where(f.userId.lt(v)));
    c.add(v -> select(f.fullname).where(f.userId.eq(v)));
    c.add(v -> select(f.name).where(v % 2 == 0 ? f.fullname.eq((String) null) : f.fullname.eq("n" + v)));
    c.add(v -> select(f.name).where(f.userId.in(Collections.nCopies(v % 4, v))));
    c.add(v -> select(f.name).where(f.userId.notIn(Collections.nCopies(v % 3, v))));
    c.add(v -> select(f.name).where(f.userId.between(v, v + 10)));
    c.add(v -> select(f.name).where(f.name.startsWith("a%" + v), f.name.ilike("x" + v)));
    c.add(v -> select(f.name).where(f.name.like("p" + v, v % 2 == 0 ? '!' : '#')));
    c.add(v -> select(f.name).where(f.userId.eq(v).or(f.name.eq("b")).and(f.fullname.isNull())));
    c.add(v -> select(f.name).where(f.userId.eq(v).and(f.name.eq("b")).or(f.fullname.isNull())));
    c.add(v -> select(f.salary.plus(v).times(2), f.name.concat("-" + v)));
    c.add(v -> select(f.name, f.email).join(f.addresses).where(f.email.eq("e" + v)));
    c.add(v -> select(f.name, f.email).outerJoin(f.addresses).where(f.email.eq("e" + v)));
    c.add(v -> select(f.empName, m.c(f.empName)).join(m, f.managerId.eq(m.c(f.empId))).where(m.c(f.salary).gt(v)));
    c.add(v -> {
      TableAlias a = f.employees.alias("a" + (v % 2));
      return select(a.c(f.empName)).where(a.c(f.salary).gt(v));
    });
    c.add(v -> select(f.name).orderBy(v % 2 == 0 ? f.name.asc().nullsFirst() : f.name.asc().nullsLast()).limit(v));
    c.add(v -> v % 2 == 0 ? select(f.name).limit(v) : select(f.name).offset(v));
    c.add(v -> select(f.name).limit(v).offset(v + 1));
    c.add(v -> select(f.name, func.count(f.email)).join(f.addresses).groupBy(f.name).having(func.count(f.email).gt((long) v)));
    c.add(v -> select(f.name.label(v % 2 == 0 ? "a" : "b")).where(f.userId.eq(v)));
    c.add(v -> {
      var l = f.name.concat("!" + v).label("l");
      return v % 2 == 0 ? select(l).orderBy(l) : select(l).orderBy(f.name.concat("!" + v).label("l"));
    });
    c.add(v -> select(func.coalesce(f.fullname, "none" + v), func.upper(f.name), func.now()));
    c.add(v -> select(f.name).where(select(func.count(f.addressId)).where(f.addrUserId.eq(f.userId)).scalarSubquery().gt((long) v)));
    c.add(v -> select(f.name).where(select(f.addressId).where(f.addrUserId.eq(f.userId), f.email.eq("m" + v)).exists()));
    c.add(v -> select(f.name).where(f.userId.in(select(f.addrUserId).where(f.email.eq("x" + v)))));
    c.add(v -> select(f.name).where(f.userId.lt(v)).union(select(f.empName).where(f.salary.gt(v))));
    c.add(v -> select(f.name).where(f.userId.lt(v)).unionAll(select(f.empName).where(f.salary.gt(v))).limit(v));
    c.add(v -> {
      Cte rich = select(f.empId).where(v % 2 == 0 ? f.salary.gt(v) : f.salary.lt(v)).cte("rich");
      return select(rich.c(f.empId));
    });
    c.add(v -> {
      Cte chain = select(f.empId).where(f.managerId.isNull()).cteRecursive("chain");
      TableAlias e = f.employees.alias("e");
      chain = chain.unionAll(select(e.c(f.empId)).join(chain, e.c(f.managerId).eq(chain.c(f.empId))).where(e.c(f.salary).gt(v)));
      return select(chain.c(f.empId));
    });
    c.add(v -> select(caseWhen(f.salary.lt(v), "low").when(f.salary.lt(v * 10), "mid").otherwise("high")));
    c.add(v -> select(caseWhen(f.salary.lt(v), "low")));
    c.add(v -> select(cast(f.salary, v % 2 == 0 ? Types.STRING : Types.string(7))));
    c.add(v -> select(func.rowNumber().over(Window.partitionBy(f.dept).orderBy(f.salary.desc())), f.salary.plus(v)));
    c.add(v -> select(func.rowNumber().over(Window.orderedBy(f.dept)), f.salary.plus(v)));
    c.add(v -> {
      Subquery a = select(f.userId).where(f.userId.gt(v)).subquery();
      Subquery b = v % 2 == 0 ? a : select(f.userId).where(f.userId.gt(v)).subquery();
      return select(a.c(f.userId), b.c(f.userId));
    });
    c.add(v -> select(shared.c(f.userId)).where(shared.c(f.userId).lt(v)));
    c.add(v -> insert(f.users).values(Map.of("name", "n" + v)));
    c.add(v -> insert(f.users).values(Collections.nCopies(1 + v % 3, Map.of("name", "n" + v))));
    c.add(v -> insert(f.users).fromSelect(List.of(f.name), select(f.empName).where(f.salary.gt(v))));
    c.add(v -> insert(f.users).values(Map.of("name", "r" + v)).returning(f.userId));
    c.add(v -> update(f.users).set(f.name, "u" + v).where(f.userId.eq(v)));
    c.add(v -> update(f.employees).set(f.salary, f.salary.plus(v)).where(f.dept.eq("d" + v)));
    c.add(v -> delete(f.users).where(f.userId.gt(v)));
    c.add(v -> delete(f.users).where(f.userId.gt(v)).returning(f.name));
    c.add(v -> {
      Cte ops = select(f.empId, f.salary).where(f.dept.eq("d" + v)).cte("ops");
      return select(ops.c(f.empId), ops.c(f.salary)).where(ops.c(f.salary).gt(v), ops.c(f.empId).lt(v));
    });
    c.add(v -> {
      Cte ops = select(f.empId).where(f.dept.eq("d" + v)).cte("ops");
      return delete(f.users).where(f.userId.in(select(ops.c(f.empId))));
    });
    c.add(v -> select(f.name).where(f.userId.in(select(f.empId).union(select(f.addrUserId).where(f.addressId.gt(v))))));
    c.add(v -> text("SELECT :a, :b").bindParams(Map.of("a", v, "b", "s" + v)));
    c.add(v -> text(v % 2 == 0 ? "SELECT :a" : "SELECT :a + 1").bindParams(Map.of("a", v)));
    return c;
  }

  @Test
  void cachedCompilationAlwaysMatchesAFreshOne() {
    for (Dialect dialect : List.of(SQLITE, H2, PG, MYSQL)) {
      Map<Object, CompiledStatement> cache = new HashMap<>();
      int distinctSql = 0;
      List<IntFunction<ClauseElement>> builders = catalogue();
      for (int b = 0; b < builders.size(); b++) {
        for (int v = 1; v <= 6; v++) {
          ClauseElement stmt = builders.get(b).apply(v);
          if (dialect == MYSQL && stmt instanceof Update<?> u && !u.returningColumns().isEmpty()) {
            continue;
          }
          CompiledStatement fresh = dialect.compile(stmt);
          CacheKey key = CacheKey.of(stmt);
          CompiledStatement cached = cache.putIfAbsent(key.structure(), fresh);
          if (cached == null) {
            distinctSql++;
            continue;
          }
          String where = dialect.name() + " catalogue[" + b + "] v=" + v;
          assertThat(cached.sql()).as(where).isEqualTo(fresh.sql());
          assertThat(cached.parameters(key.binds(), Map.of()))
              .as(where)
              .isEqualTo(fresh.parameters(key.binds(), Map.of()));
        }
      }
      // Shapes really are shared: far fewer compilations than statements.
      assertThat(distinctSql).as(dialect.name()).isLessThan(builders.size() * 6 / 2);
    }
  }

  @Test
  void sameShapeSharesOneKeyWhateverTheValues() {
    for (IntFunction<ClauseElement> builder : catalogue()) {
      // Values 1 and 13 agree on every shape choice made with v % 2, v % 3 and v % 4.
      ClauseElement a = builder.apply(1);
      ClauseElement b = builder.apply(13);
      assertThat(CacheKey.of(a).structure()).as(SQLITE.compile(a).sql()).isEqualTo(CacheKey.of(b).structure());
    }
  }

  @Test
  void differentShapesGetDifferentKeys() {
    assertDifferent(select(f.name).where(f.userId.in(1, 2)), select(f.name).where(f.userId.in(1, 2, 3)));
    assertDifferent(select(f.name).where(f.userId.in(List.of())), select(f.name).where(f.userId.in(1)));
    assertDifferent(select(f.name), select(f.fullname));
    assertDifferent(select(f.name.label("a")), select(f.name.label("b")));
    assertDifferent(select(f.employees.alias("a").c(f.empName)), select(f.employees.alias("b").c(f.empName)));
    assertDifferent(select(f.name).where(f.userId.lt(1)), select(f.name).where(f.userId.le(1)));
    assertDifferent(select(f.name).where(f.name.like("a")), select(f.name).where(f.name.ilike("a")));
    assertDifferent(select(f.name).limit(1), select(f.name).offset(1));
    assertDifferent(select(f.name).distinct(), select(f.name));
    assertDifferent(select(f.name).orderBy(f.name.desc()), select(f.name).orderBy(f.name.asc()));
    assertDifferent(
        select(select(f.empId).where(f.salary.gt(1)).cte("c").c(f.empId)),
        select(select(f.empId).where(f.salary.lt(1)).cte("c").c(f.empId)));
    assertDifferent(select(f.name).union(select(f.empName)), select(f.name).unionAll(select(f.empName)));
    assertDifferent(text("SELECT 1"), text("SELECT 2"));
    assertDifferent(cast(f.salary, Types.string(5)), cast(f.salary, Types.string(6)));
  }

  @Test
  void aSubqueryReferredToManyTimesEntersTheKeyOnce() {
    Subquery s = select(f.userId, f.name).where(f.name.eq("x")).subquery("s");
    var once = select(s.c(f.userId));
    var often = select(s.c(f.userId), s.c(f.name)).where(s.c(f.userId).gt(1), s.c(f.name).ne("y")).orderBy(s.c(f.name));
    CacheKey key = CacheKey.of(often);
    // The subquery's own bind ("x") is registered once, whatever the number of references.
    assertThat(key.binds().stream().map(b -> (Object) b.value()).toList()).containsExactly("x", 1, "y");
    assertThat(CacheKey.of(once).binds()).hasSize(1);
  }

  @Test
  void aStructureTakenStaysAsItWasWhenItsKeyGrowsAfterwards() {
    CacheKey key = CacheKey.of(select(f.name).where(f.userId.eq(1)));
    Object before = key.structure();
    int hash = before.hashCode();
    key.add("more");
    assertThat(before).isEqualTo(CacheKey.of(select(f.name).where(f.userId.eq(2))).structure());
    assertThat(before.hashCode()).isEqualTo(hash);
    assertThat(key.structure()).isNotEqualTo(before);
  }

  @Test
  void equalLookingTablesOfDifferentMetadataAreDifferentStatements() {
    Table a = new MetaData().table("twin");
    a.column("id", Types.INTEGER);
    Table b = new MetaData().table("twin");
    b.column("id", Types.INTEGER);
    assertDifferent(select(a.c("id")), select(b.c("id")));
    assertThat(CacheKey.of(select(a.c("id"))).structure()).isEqualTo(CacheKey.of(select(a.c("id"))).structure());
  }

  private static void assertDifferent(ClauseElement a, ClauseElement b) {
    assertThat(CacheKey.of(a).structure()).isNotEqualTo(CacheKey.of(b).structure());
  }
}
