package org.jalchemy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.*;
import static org.jalchemy.sql.SqlFixtures.*;

import org.junit.jupiter.api.Test;

/** ORDER BY, GROUP BY/HAVING, LIMIT/OFFSET per dialect, DISTINCT, functions and labels. */
class ClauseCompileTest {
  private final SqlFixtures f = new SqlFixtures();

  @Test
  void orderByDirections() {
    var stmt = select(f.name).orderBy(f.name, f.fullname.desc(), f.userId.asc());
    assertThat(sql(PG, stmt))
        .isEqualTo("SELECT sq_user.name FROM sq_user ORDER BY sq_user.name, sq_user.fullname DESC, sq_user.id ASC");
  }

  @Test
  void nullsFirstLastNativeOrEmulatedOnMysql() {
    var stmt = select(f.name).orderBy(f.fullname.asc().nullsLast(), f.name.desc().nullsFirst());
    String nativeSql = "SELECT sq_user.name FROM sq_user ORDER BY sq_user.fullname ASC NULLS LAST, sq_user.name DESC NULLS FIRST";
    assertThat(sql(PG, stmt)).isEqualTo(nativeSql);
    assertThat(sql(SQLITE, stmt)).isEqualTo(nativeSql);
    assertThat(sql(H2, stmt)).isEqualTo(nativeSql);
    assertThat(sql(MYSQL, stmt))
        .isEqualTo("SELECT sq_user.name FROM sq_user ORDER BY sq_user.fullname IS NULL, sq_user.fullname ASC, "
            + "sq_user.name IS NOT NULL, sq_user.name DESC");
  }

  @Test
  void groupByHaving() {
    var n = func.count(f.email);
    var stmt = select(f.name, n.label("n")).join(f.addresses).groupBy(f.name).having(n.gt(1L)).orderBy(f.name);
    assertThat(sql(SQLITE, stmt))
        .isEqualTo("SELECT sq_user.name, count(sq_address.email) AS n FROM sq_user "
            + "JOIN sq_address ON sq_user.id = sq_address.user_id GROUP BY sq_user.name "
            + "HAVING count(sq_address.email) > ? ORDER BY sq_user.name");
    assertThat(params(SQLITE, stmt)).containsExactly(1L);
  }

  @Test
  void limitOffsetPerDialect() {
    var both = select(f.name).orderBy(f.name).limit(10).offset(20);
    var limitOnly = select(f.name).limit(5);
    var offsetOnly = select(f.name).offset(3);
    String base = "SELECT sq_user.name FROM sq_user";
    assertThat(sql(SQLITE, both)).isEqualTo(base + " ORDER BY sq_user.name LIMIT ? OFFSET ?");
    assertThat(sql(SQLITE, limitOnly)).isEqualTo(base + " LIMIT ?");
    assertThat(sql(SQLITE, offsetOnly)).isEqualTo(base + " LIMIT -1 OFFSET ?");
    assertThat(sql(PG, both)).isEqualTo(base + " ORDER BY sq_user.name LIMIT ? OFFSET ?");
    assertThat(sql(PG, offsetOnly)).isEqualTo(base + " OFFSET ?");
    assertThat(sql(H2, both)).isEqualTo(base + " ORDER BY sq_user.name OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
    assertThat(sql(H2, limitOnly)).isEqualTo(base + " FETCH FIRST ? ROWS ONLY");
    assertThat(sql(H2, offsetOnly)).isEqualTo(base + " OFFSET ? ROWS");
    assertThat(sql(MYSQL, both)).isEqualTo(base + " ORDER BY sq_user.name LIMIT ? OFFSET ?");
    assertThat(sql(MYSQL, offsetOnly)).isEqualTo(base + " LIMIT 18446744073709551615 OFFSET ?");
    // Parameters follow the markers: H2 puts OFFSET first.
    assertThat(params(SQLITE, both)).containsExactly(10, 20);
    assertThat(params(H2, both)).containsExactly(20, 10);
    assertThat(params(MYSQL, offsetOnly)).containsExactly(3);
  }

  @Test
  void distinctRowsAndDistinctArguments() {
    assertThat(sql(SQLITE, select(f.name).distinct())).isEqualTo("SELECT DISTINCT sq_user.name FROM sq_user");
    assertThat(sql(SQLITE, select(func.count(org.jalchemy.Jalchemy.distinct(f.name)))))
        .isEqualTo("SELECT count(DISTINCT sq_user.name) FROM sq_user");
  }

  @Test
  void aggregateAndScalarFunctions() {
    var stmt = select(
        func.count(), func.count(f.salary), func.sum(f.salary), func.min(f.salary), func.max(f.salary),
        func.avg(f.salary), func.coalesce(f.dept, "none"), func.lower(f.empName), func.upper(f.empName));
    assertThat(sql(PG, stmt))
        .isEqualTo("SELECT count(*), count(sq_employee.salary), sum(sq_employee.salary), min(sq_employee.salary), "
            + "max(sq_employee.salary), avg(sq_employee.salary), coalesce(sq_employee.dept, ?), "
            + "lower(sq_employee.name), upper(sq_employee.name) FROM sq_employee");
    assertThat(params(PG, stmt)).containsExactly("none");
    assertThat(sql(PG, select(func.coalesce(f.dept, f.empName))))
        .isEqualTo("SELECT coalesce(sq_employee.dept, sq_employee.name) FROM sq_employee");
  }

  @Test
  void nowPerDialect() {
    var stmt = select(func.now());
    assertThat(sql(SQLITE, stmt)).isEqualTo("SELECT CURRENT_TIMESTAMP");
    assertThat(sql(H2, stmt)).isEqualTo("SELECT LOCALTIMESTAMP");
    assertThat(sql(PG, stmt)).isEqualTo("SELECT LOCALTIMESTAMP");
    assertThat(sql(MYSQL, stmt)).isEqualTo("SELECT now()");
  }

  @Test
  void namedFunctions() {
    var stmt = select(func.named("substr", org.jalchemy.types.Types.STRING, f.name, literal(1), literal(3)));
    assertThat(sql(SQLITE, stmt)).isEqualTo("SELECT substr(sq_user.name, ?, ?) FROM sq_user");
    assertThat(params(SQLITE, stmt)).containsExactly(1, 3);
    assertThat(sql(PG, select(func.named("pg_catalog.lower", f.name))))
        .isEqualTo("SELECT pg_catalog.lower(sq_user.name) FROM sq_user");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> func.named("x(); drop table t; --"))
        .isInstanceOf(org.jalchemy.exc.ArgumentError.class)
        .hasMessageContaining("plain identifier");
  }

  @Test
  void labelsRenderAsAndOrderByName() {
    var upperName = func.upper(f.name).label("shout");
    var stmt = select(f.userId.label("ident"), upperName).orderBy(upperName.desc(), upperName);
    assertThat(sql(SQLITE, stmt))
        .isEqualTo("SELECT sq_user.id AS ident, upper(sq_user.name) AS shout FROM sq_user ORDER BY shout DESC, shout");
    // A label not in the SELECT list orders by its expression.
    var other = f.name.label("other");
    assertThat(sql(SQLITE, select(f.userId).orderBy(other)))
        .isEqualTo("SELECT sq_user.id FROM sq_user ORDER BY sq_user.name");
    // Inside an ORDER BY expression the label stands for its expression (PostgreSQL requires it).
    assertThat(sql(SQLITE, select(upperName).orderBy(func.lower(upperName))))
        .isEqualTo("SELECT upper(sq_user.name) AS shout FROM sq_user ORDER BY lower(upper(sq_user.name))");
    // In WHERE a label stands for its expression.
    assertThat(sql(SQLITE, select(upperName).where(upperName.eq("X"))))
        .isEqualTo("SELECT upper(sq_user.name) AS shout FROM sq_user WHERE upper(sq_user.name) = ?");
  }

  @Test
  void labelsAreQuotedWhenNeeded() {
    assertThat(sql(PG, select(f.name.label("Name"), f.userId.label("order"))))
        .isEqualTo("SELECT sq_user.name AS \"Name\", sq_user.id AS \"order\" FROM sq_user");
    assertThat(sql(MYSQL, select(f.name.label("Name"), f.userId.label("order"))))
        .isEqualTo("SELECT sq_user.name AS `Name`, sq_user.id AS `order` FROM sq_user");
  }

  @Test
  void labelInsideAnExpressionIsNotRenderedAsAlias() {
    var l = f.name.label("n");
    assertThat(sql(SQLITE, select(func.coalesce(l, f.fullname))))
        .isEqualTo("SELECT coalesce(sq_user.name, sq_user.fullname) FROM sq_user");
    assertThat(sql(SQLITE, select(f.name.concat(f.fullname).label("pair"))))
        .isEqualTo("SELECT sq_user.name || sq_user.fullname AS pair FROM sq_user");
  }

  @Test
  void selectWithoutFrom() {
    assertThat(sql(SQLITE, select(literal(1).label("one")))).isEqualTo("SELECT ? AS one");
    assertThat(params(SQLITE, select(literal(1)))).containsExactly(1);
  }

  @Test
  void exactLayoutWithLineBreaks() {
    var stmt = select(f.name).where(f.userId.gt(1)).groupBy(f.name).having(func.count().gt(0L)).orderBy(f.name).limit(2);
    assertThat(SQLITE.compile(stmt).sql())
        .isEqualTo("SELECT sq_user.name \nFROM sq_user \nWHERE sq_user.id > ? GROUP BY sq_user.name \n"
            + "HAVING count(*) > ? ORDER BY sq_user.name \nLIMIT ?");
  }
}
