package org.jalchemy.sql;

import static org.jalchemy.Jalchemy.insert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Table;
import org.jalchemy.types.Types;

/**
 * The {@link SqlFixtures} schema created in a real database and filled with a small data set
 * (tables prefixed {@code sq_}, dropped and created again for each test), plus {@code sq_note}
 * with a generated key for INSERT … RETURNING.
 */
final class RoundTripFixture {
  final SqlFixtures f = new SqlFixtures();
  final Table notes = f.md.table("sq_note");
  final Column<Integer> noteId = notes.column("id", Types.INTEGER).primaryKey();
  final Column<String> body = notes.column("body", Types.string(100));

  /** Drops and creates the tables and inserts the rows the tests expect. */
  void setUp(Engine engine) {
    f.md.dropAll(engine);
    f.md.createAll(engine);
    try (Connection conn = engine.connect()) {
      conn.execute(insert(f.users).values(List.of(
          row("id", 1, "name", "spongebob", "fullname", "Spongebob Squarepants"),
          row("id", 2, "name", "sandy", "fullname", "Sandy Cheeks"),
          row("id", 3, "name", "patrick", "fullname", null),
          row("id", 4, "name", "50%_off", "fullname", null),
          row("id", 5, "name", "50abc", "fullname", "Fifty"))));
      conn.execute(insert(f.addresses).values(List.of(
          row("id", 1, "user_id", 1, "email", "sb@x.org"),
          row("id", 2, "user_id", 2, "email", "sandy@x.org"),
          row("id", 3, "user_id", 2, "email", "sandy@y.org"))));
      conn.execute(insert(f.employees).values(List.of(
          row("id", 1, "name", "boss", "manager_id", null, "dept", "ops", "salary", 300),
          row("id", 2, "name", "mid", "manager_id", 1, "dept", "ops", "salary", 200),
          row("id", 3, "name", "dev", "manager_id", 2, "dept", "eng", "salary", 100),
          row("id", 4, "name", "dev2", "manager_id", 2, "dept", "eng", "salary", 150))));
      conn.commit();
    }
  }

  void tearDown(Engine engine) {
    f.md.dropAll(engine);
  }

  static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
