package org.jalchemy.sql;

import java.util.List;
import java.util.Map;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.h2.H2Dialect;
import org.jalchemy.dialect.mysql.MySQLDialect;
import org.jalchemy.dialect.postgresql.PostgreSQLDialect;
import org.jalchemy.dialect.sqlite.SQLiteDialect;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.CompiledStatement;
import org.jalchemy.types.Types;

/**
 * The schema and helpers the expression-language tests share: users with addresses (one foreign
 * key), employees with a manager (a self-referencing key), and compile helpers per dialect.
 */
final class SqlFixtures {
  static final Dialect SQLITE = new SQLiteDialect();
  static final Dialect H2 = new H2Dialect();
  static final Dialect PG = new PostgreSQLDialect();
  /** Uninitialized, so it behaves as MariaDB (RETURNING for INSERT and DELETE). */
  static final Dialect MYSQL = new MySQLDialect();

  final MetaData md = new MetaData();
  final Table users = md.table("sq_user");
  final Column<Integer> userId = users.column("id", Types.INTEGER).primaryKey();
  final Column<String> name = users.column("name", Types.string(30)).notNull();
  final Column<String> fullname = users.column("fullname", Types.string(50));

  final Table addresses = md.table("sq_address");
  final Column<Integer> addressId = addresses.column("id", Types.INTEGER).primaryKey();
  final Column<Integer> addrUserId = addresses.column("user_id", Types.INTEGER).references("sq_user.id");
  final Column<String> email = addresses.column("email", Types.string(100));

  final Table employees = md.table("sq_employee");
  final Column<Integer> empId = employees.column("id", Types.INTEGER).primaryKey();
  final Column<String> empName = employees.column("name", Types.string(30));
  final Column<Integer> managerId = employees.column("manager_id", Types.INTEGER).references("sq_employee.id");
  final Column<String> dept = employees.column("dept", Types.string(20));
  final Column<Integer> salary = employees.column("salary", Types.INTEGER);

  /**
   * The SQL a dialect renders, on one line: the compiler breaks lines before FROM, WHERE… for echo
   * readability only, so the tests compare the text with those breaks turned into spaces.
   */
  static String sql(Dialect dialect, ClauseElement statement) {
    return flat(dialect.compile(statement).sql());
  }

  static String flat(String sql) {
    return sql.replace(" \n", " ").replace("\n", " ");
  }

  /** The values sent for the statement's markers, in marker order. */
  static List<Object> params(Dialect dialect, ClauseElement statement) {
    CompiledStatement c = dialect.compile(statement);
    return c.parameters(CacheKey.of(statement).binds(), Map.of());
  }

  /** The values sent, with named parameters taken from {@code given}. */
  static List<Object> params(Dialect dialect, ClauseElement statement, Map<String, ?> given) {
    CompiledStatement c = dialect.compile(statement);
    return c.parameters(CacheKey.of(statement).binds(), given);
  }
}
