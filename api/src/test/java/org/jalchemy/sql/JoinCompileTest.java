package org.jalchemy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.*;
import static org.jalchemy.sql.SqlFixtures.*;

import org.jalchemy.exc.ArgumentError;
import org.junit.jupiter.api.Test;

/** FROM inference, joins with inferred and explicit ON clauses, aliases and selectFrom. */
class JoinCompileTest {
  private final SqlFixtures f = new SqlFixtures();

  @Test
  void fromListIsInferredFromColumnsAndWhere() {
    assertThat(sql(SQLITE, select(f.name).where(f.email.eq("a"))))
        .isEqualTo("SELECT sq_user.name FROM sq_user, sq_address WHERE sq_address.email = ?");
    assertThat(sql(SQLITE, select(f.users))).isEqualTo("SELECT sq_user.id, sq_user.name, sq_user.fullname FROM sq_user");
  }

  @Test
  void joinInfersOnClauseFromForeignKey() {
    var stmt = select(f.name, f.email).join(f.addresses);
    assertThat(sql(PG, stmt))
        .isEqualTo("SELECT sq_user.name, sq_address.email FROM sq_user JOIN sq_address ON sq_user.id = sq_address.user_id");
    // The direction of the key does not matter: joining from the referencing side works too.
    assertThat(sql(PG, select(f.email, f.name).join(f.users)))
        .isEqualTo("SELECT sq_address.email, sq_user.name FROM sq_address JOIN sq_user ON sq_user.id = sq_address.user_id");
  }

  @Test
  void outerJoin() {
    assertThat(sql(MYSQL, select(f.name, f.email).outerJoin(f.addresses)))
        .isEqualTo("SELECT sq_user.name, sq_address.email FROM sq_user LEFT OUTER JOIN sq_address "
            + "ON sq_user.id = sq_address.user_id");
  }

  @Test
  void explicitOnClauseWithBoundValue() {
    var stmt = select(f.name, f.email)
        .join(f.addresses, f.userId.eq(f.addrUserId).and(f.email.like("%@x.org")))
        .where(f.name.eq("sandy"));
    assertThat(sql(H2, stmt))
        .isEqualTo("SELECT sq_user.name, sq_address.email FROM sq_user JOIN sq_address "
            + "ON sq_user.id = sq_address.user_id AND sq_address.email LIKE ? WHERE sq_user.name = ?");
    assertThat(params(H2, stmt)).containsExactly("%@x.org", "sandy");
    assertThat(sql(H2, select(f.name).outerJoin(f.addresses, f.userId.eq(f.addrUserId))))
        .isEqualTo("SELECT sq_user.name FROM sq_user LEFT OUTER JOIN sq_address ON sq_user.id = sq_address.user_id");
  }

  @Test
  void selectFromAJoinObject() {
    var stmt = select(f.name, f.email).selectFrom(f.users.join(f.addresses));
    assertThat(sql(SQLITE, stmt))
        .isEqualTo("SELECT sq_user.name, sq_address.email FROM sq_user JOIN sq_address ON sq_user.id = sq_address.user_id");
    assertThat(sql(SQLITE, select(func.count()).selectFrom(f.users)))
        .isEqualTo("SELECT count(*) FROM sq_user");
    assertThat(sql(SQLITE, select(f.name).selectFrom(f.users.outerJoin(f.addresses, f.userId.eq(f.addrUserId)))))
        .isEqualTo("SELECT sq_user.name FROM sq_user LEFT OUTER JOIN sq_address ON sq_user.id = sq_address.user_id");
  }

  @Test
  void selfJoinThroughAnAlias() {
    TableAlias manager = f.employees.alias("manager");
    var stmt = select(f.empName, manager.c(f.empName).label("manager_name"))
        .join(manager, f.managerId.eq(manager.c(f.empId)))
        .where(manager.c(f.dept).eq("ops"));
    assertThat(sql(PG, stmt))
        .isEqualTo("SELECT sq_employee.name, manager.name AS manager_name FROM sq_employee "
            + "JOIN sq_employee AS manager ON sq_employee.manager_id = manager.id WHERE manager.dept = ?");
    assertThat(params(PG, stmt)).containsExactly("ops");
  }

  @Test
  void selfJoinInferredThroughAnAlias() {
    TableAlias report = f.employees.alias("report");
    // The alias's foreign key points at the left table: report.manager_id = sq_employee.id.
    assertThat(sql(SQLITE, select(f.empName, report.c(f.empName)).join(report)))
        .isEqualTo("SELECT sq_employee.name, report.name FROM sq_employee "
            + "JOIN sq_employee AS report ON sq_employee.id = report.manager_id");
  }

  @Test
  void twoAliasesOfOneTable() {
    TableAlias a = f.users.alias("a");
    TableAlias b = f.users.alias("b");
    var stmt = select(a.c(f.name), b.c(f.name)).where(a.c(f.userId).lt(b.c(f.userId)));
    assertThat(sql(SQLITE, stmt))
        .isEqualTo("SELECT a.name, b.name FROM sq_user AS a, sq_user AS b WHERE a.id < b.id");
  }

  @Test
  void chainedJoinsFindTheirLeftSide() {
    TableAlias boss = f.employees.alias("boss");
    var stmt = select(f.name, f.email, f.empName)
        .join(f.addresses)
        .join(f.employees, f.empName.eq(f.name))
        .join(boss, f.managerId.eq(boss.c(f.empId)));
    assertThat(sql(SQLITE, stmt))
        .isEqualTo("SELECT sq_user.name, sq_address.email, sq_employee.name FROM sq_user "
            + "JOIN sq_address ON sq_user.id = sq_address.user_id "
            + "JOIN sq_employee ON sq_employee.name = sq_user.name "
            + "JOIN sq_employee AS boss ON sq_employee.manager_id = boss.id");
  }

  @Test
  void joinFromNamesTheLeftSide() {
    var stmt = select(f.email).joinFrom(f.users, f.addresses, f.userId.eq(f.addrUserId));
    assertThat(sql(SQLITE, stmt))
        .isEqualTo("SELECT sq_address.email FROM sq_user JOIN sq_address ON sq_user.id = sq_address.user_id");
  }

  @Test
  void joinWithoutForeignKeyNamesTheFix() {
    assertThatThrownBy(() -> sql(SQLITE, select(f.name).join(f.employees)))
        .isInstanceOf(ArgumentError.class)
        .hasMessageContaining("sq_employee")
        .hasMessageContaining("join(target, onclause)");
    assertThatThrownBy(() -> f.users.join(f.employees))
        .isInstanceOf(ArgumentError.class)
        .hasMessageContaining("give the ON clause");
  }

  @Test
  void fullOuterJoinIsRefusedOnMysql() {
    var stmt = select(f.name).selectFrom(f.users.fullOuterJoin(f.addresses, f.userId.eq(f.addrUserId)));
    assertThat(sql(PG, stmt))
        .isEqualTo("SELECT sq_user.name FROM sq_user FULL OUTER JOIN sq_address ON sq_user.id = sq_address.user_id");
    assertThatThrownBy(() -> sql(MYSQL, stmt))
        .isInstanceOf(org.jalchemy.exc.CompileError.class)
        .hasMessageContaining("FULL OUTER JOIN");
  }
}
