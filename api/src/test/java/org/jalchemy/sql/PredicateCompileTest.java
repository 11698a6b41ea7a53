package org.jalchemy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.*;
import static org.jalchemy.sql.SqlFixtures.*;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WHERE criteria: comparisons, IN, BETWEEN, LIKE and friends, NULL tests, AND/OR/NOT, arithmetic. */
class PredicateCompileTest {
  private final SqlFixtures f = new SqlFixtures();

  private String where(Expression<Boolean> criterion) {
    return sql(SQLITE, select(f.userId).where(criterion)).replace("SELECT sq_user.id FROM sq_user WHERE ", "");
  }

  @Test
  void comparisonOperatorsBindTheirValues() {
    var stmt = select(f.userId, f.name)
        .where(f.userId.eq(1), f.userId.ne(2), f.userId.lt(3), f.userId.le(4), f.userId.gt(5), f.userId.ge(6));
    assertThat(sql(SQLITE, stmt))
        .isEqualTo("SELECT sq_user.id, sq_user.name FROM sq_user WHERE sq_user.id = ? AND sq_user.id != ? "
            + "AND sq_user.id < ? AND sq_user.id <= ? AND sq_user.id > ? AND sq_user.id >= ?");
    assertThat(params(SQLITE, stmt)).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void columnToColumnComparison() {
    assertThat(where(f.name.eq(f.fullname))).isEqualTo("sq_user.name = sq_user.fullname");
  }

  @Test
  void nullComparisonsBecomeIsNull() {
    assertThat(where(f.fullname.eq((String) null))).isEqualTo("sq_user.fullname IS NULL");
    assertThat(where(f.fullname.ne((String) null))).isEqualTo("sq_user.fullname IS NOT NULL");
    assertThat(where(f.fullname.isNull())).isEqualTo("sq_user.fullname IS NULL");
    assertThat(where(f.fullname.isNotNull())).isEqualTo("sq_user.fullname IS NOT NULL");
    assertThat(params(SQLITE, select(f.userId).where(f.fullname.eq((String) null)))).isEmpty();
  }

  @Test
  void inListHasOneParameterPerValue() {
    var stmt = select(f.userId).where(f.userId.in(List.of(7, 8, 9)));
    assertThat(sql(PG, stmt)).isEqualTo("SELECT sq_user.id FROM sq_user WHERE sq_user.id IN (?, ?, ?)");
    assertThat(params(PG, stmt)).containsExactly(7, 8, 9);
    assertThat(where(f.name.notIn("a", "b"))).isEqualTo("sq_user.name NOT IN (?, ?)");
    assertThat(where(f.userId.in(5))).isEqualTo("sq_user.id IN (?)");
  }

  @Test
  void emptyInListsAreConstantPredicates() {
    assertThat(where(f.userId.in(List.of()))).isEqualTo("1 != 1");
    assertThat(where(f.userId.notIn(List.of()))).isEqualTo("1 = 1");
    assertThat(where(f.userId.in(List.of()).or(f.name.eq("x")))).isEqualTo("1 != 1 OR sq_user.name = ?");
  }

  @Test
  void inSubquery() {
    var stmt = select(f.name).where(f.userId.in(select(f.addrUserId).where(f.email.endsWith("@x.org"))));
    assertThat(sql(H2, stmt))
        .isEqualTo("SELECT sq_user.name FROM sq_user WHERE sq_user.id IN "
            + "(SELECT sq_address.user_id FROM sq_address WHERE sq_address.email LIKE ? ESCAPE '/')");
    assertThat(params(H2, stmt)).containsExactly("%@x.org");
    assertThat(where(f.userId.notIn(select(f.addrUserId))))
        .isEqualTo("sq_user.id NOT IN (SELECT sq_address.user_id FROM sq_address)");
  }

  @Test
  void between() {
    var stmt = select(f.userId).where(f.userId.between(2, 5), f.userId.notBetween(3, 4));
    assertThat(sql(MYSQL, stmt))
        .isEqualTo("SELECT sq_user.id FROM sq_user WHERE sq_user.id BETWEEN ? AND ? AND sq_user.id NOT BETWEEN ? AND ?");
    assertThat(params(MYSQL, stmt)).containsExactly(2, 5, 3, 4);
  }

  @Test
  void likeAndNotLike() {
    assertThat(where(f.name.like("sp%"))).isEqualTo("sq_user.name LIKE ?");
    assertThat(where(f.name.notLike("sp%"))).isEqualTo("sq_user.name NOT LIKE ?");
    assertThat(where(f.name.like("a!%%", '!'))).isEqualTo("sq_user.name LIKE ? ESCAPE '!'");
  }

  @Test
  void ilikeIsNativeOnPostgresqlOnly() {
    var stmt = select(f.userId).where(f.name.ilike("SP%"), f.fullname.notIlike("%X%"));
    assertThat(sql(PG, stmt))
        .isEqualTo("SELECT sq_user.id FROM sq_user WHERE sq_user.name ILIKE ? AND sq_user.fullname NOT ILIKE ?");
    String emulated = "SELECT sq_user.id FROM sq_user WHERE lower(sq_user.name) LIKE lower(?) "
        + "AND lower(sq_user.fullname) NOT LIKE lower(?)";
    assertThat(sql(SQLITE, stmt)).isEqualTo(emulated);
    assertThat(sql(H2, stmt)).isEqualTo(emulated);
    assertThat(sql(MYSQL, stmt)).isEqualTo(emulated);
    assertThat(params(MYSQL, stmt)).containsExactly("SP%", "%X%");
  }

  @Test
  void startsEndsContainsEscapeWildcards() {
    var stmt = select(f.userId).where(f.name.startsWith("50%_off/"), f.name.endsWith("_x"), f.name.contains("a%b"));
    assertThat(sql(SQLITE, stmt))
        .isEqualTo("SELECT sq_user.id FROM sq_user WHERE sq_user.name LIKE ? ESCAPE '/' "
            + "AND sq_user.name LIKE ? ESCAPE '/' AND sq_user.name LIKE ? ESCAPE '/'");
    assertThat(params(SQLITE, stmt)).containsExactly("50/%/_off//%", "%/_x", "%a/%b%");
    // MySQL string literals treat backslash as an escape, so the '/' escape keeps the SQL portable.
    assertThat(sql(MYSQL, stmt)).contains("LIKE ? ESCAPE '/'");
  }

  @Test
  void andOrNotParenthesizeByPrecedence() {
    var a = f.userId.eq(1);
    var b = f.name.eq("b");
    var c = f.fullname.isNull();
    assertThat(where(a.and(b.or(c)))).isEqualTo("sq_user.id = ? AND (sq_user.name = ? OR sq_user.fullname IS NULL)");
    assertThat(where(a.and(b).or(c))).isEqualTo("sq_user.id = ? AND sq_user.name = ? OR sq_user.fullname IS NULL");
    assertThat(where(or(a, b).and(c))).isEqualTo("(sq_user.id = ? OR sq_user.name = ?) AND sq_user.fullname IS NULL");
    assertThat(where(not(a.or(b)))).isEqualTo("NOT (sq_user.id = ? OR sq_user.name = ?)");
    // NOT's operand is always parenthesized: MySQL ranks NOT below comparisons, others above.
    assertThat(where(a.not())).isEqualTo("NOT (sq_user.id = ?)");
    assertThat(where(not(c))).isEqualTo("NOT (sq_user.fullname IS NULL)");
    assertThat(where(not(f.name.like("x%")).and(a))).isEqualTo("NOT (sq_user.name LIKE ?) AND sq_user.id = ?");
    assertThat(where(and(a, and(b, c)))).isEqualTo("sq_user.id = ? AND sq_user.name = ? AND sq_user.fullname IS NULL");
    assertThat(where(or(a, or(b, c)))).isEqualTo("sq_user.id = ? OR sq_user.name = ? OR sq_user.fullname IS NULL");
    assertThat(where(and())).isEqualTo("1 = 1");
    assertThat(where(or())).isEqualTo("1 != 1");
  }

  @Test
  void labelsAndTextGroupAsTheirContent() {
    var either = f.userId.eq(1).or(f.userId.eq(2)).label("either");
    assertThat(where(either.and(f.name.eq("x")))).isEqualTo("(sq_user.id = ? OR sq_user.id = ?) AND sq_user.name = ?");
    assertThat(where(f.userId.gt(0).and(text("id = 1 OR id = 2").asCriterion()))).isEqualTo("sq_user.id > ? AND (id = 1 OR id = 2)");
    assertThat(where(text("id = 1 OR id = 2").asCriterion())).isEqualTo("id = 1 OR id = 2");
  }

  @Test
  void whereCalledTwiceAndsTheCriteria() {
    var stmt = select(f.userId).where(f.userId.eq(1).or(f.userId.eq(2))).where(f.name.eq("x"));
    assertThat(sql(SQLITE, stmt))
        .isEqualTo("SELECT sq_user.id FROM sq_user WHERE (sq_user.id = ? OR sq_user.id = ?) AND sq_user.name = ?");
    assertThat(params(SQLITE, stmt)).containsExactly(1, 2, "x");
  }

  @Test
  void arithmeticKeepsPrecedenceWithParentheses() {
    var s = f.salary;
    assertThat(sql(SQLITE, select(s.plus(1).times(2))))
        .isEqualTo("SELECT (sq_employee.salary + ?) * ? FROM sq_employee");
    assertThat(sql(SQLITE, select(s.plus(s.times(2)))))
        .isEqualTo("SELECT sq_employee.salary + sq_employee.salary * ? FROM sq_employee");
    assertThat(sql(SQLITE, select(s.minus(s.minus(1)))))
        .isEqualTo("SELECT sq_employee.salary - (sq_employee.salary - ?) FROM sq_employee");
    assertThat(sql(SQLITE, select(s.div(s.div(2)))))
        .isEqualTo("SELECT sq_employee.salary / (sq_employee.salary / ?) FROM sq_employee");
    assertThat(sql(SQLITE, select(s.mod(7).negate())))
        .isEqualTo("SELECT -(sq_employee.salary % ?) FROM sq_employee");
    // "--" would start a comment and silently cut the statement.
    assertThat(sql(SQLITE, select(s.negate().negate(), s.minus(s.negate()))))
        .isEqualTo("SELECT -(-sq_employee.salary), sq_employee.salary - -sq_employee.salary FROM sq_employee");
    assertThat(sql(SQLITE, select(f.empId).where(s.plus(100).gt(s.times(2)))))
        .isEqualTo("SELECT sq_employee.id FROM sq_employee WHERE sq_employee.salary + ? > sq_employee.salary * ?");
    assertThat(params(SQLITE, select(s.plus(1).times(2)))).containsExactly(1, 2);
  }

  @Test
  void concatenationIsPipesExceptOnMysql() {
    var stmt = select(f.name.concat(" <").concat(f.fullname).concat(">"));
    assertThat(sql(SQLITE, stmt)).isEqualTo("SELECT sq_user.name || ? || sq_user.fullname || ? FROM sq_user");
    assertThat(sql(PG, stmt)).isEqualTo("SELECT sq_user.name || ? || sq_user.fullname || ? FROM sq_user");
    assertThat(sql(H2, stmt)).isEqualTo("SELECT sq_user.name || ? || sq_user.fullname || ? FROM sq_user");
    assertThat(sql(MYSQL, stmt)).isEqualTo("SELECT concat(concat(concat(sq_user.name, ?), sq_user.fullname), ?) FROM sq_user");
    assertThat(params(MYSQL, stmt)).containsExactly(" <", ">");
    assertThat(sql(SQLITE, select(f.userId).where(f.name.concat("x").eq("ax"))))
        .isEqualTo("SELECT sq_user.id FROM sq_user WHERE sq_user.name || ? = ?");
  }

  @Test
  void everyValueIsABoundParameterEvenHostileOnes() {
    String hostile = "'; DROP TABLE sq_user; --";
    var stmt = select(f.userId).where(f.name.eq(hostile), f.name.in(Arrays.asList(hostile, "/*")));
    String rendered = sql(PG, stmt);
    assertThat(rendered).doesNotContain("DROP").doesNotContain("/*");
    assertThat(params(PG, stmt)).containsExactly(hostile, hostile, "/*");
  }
}
