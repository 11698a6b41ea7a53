package org.jalchemy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.*;

import java.util.List;
import java.util.Map;
import org.jalchemy.result.Row;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SmokeTest {
  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void insertSelectJoin(TestDatabase db) {
    MetaData md = new MetaData();
    Table users = md.table("smoke_user");
    Column<Integer> id = users.column("id", Types.INTEGER).primaryKey();
    Column<String> name = users.column("name", Types.string(30)).notNull();
    Table addresses = md.table("smoke_address");
    Column<Integer> aid = addresses.column("id", Types.INTEGER).primaryKey();
    Column<String> email = addresses.column("email", Types.string(100));
    Column<Integer> userId = addresses.column("user_id", Types.INTEGER).references("smoke_user.id");
    try (Engine engine = db.engine(Engine.Options.echo(true))) {
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        var r = conn.execute(insert(users).values(Map.of("name", "spongebob")));
        assertThat(r.insertedPrimaryKey()).containsExactly(1);
        conn.execute(insert(users), List.of(Map.of("name", "sandy"), Map.of("name", "patrick")));
        conn.execute(insert(addresses).value(email, "sandy@x.org").value(userId, 2));
        conn.commit();
        List<Row> rows = conn.execute(select(name, email).join(addresses).where(name.eq("sandy"))).all();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(email)).isEqualTo("sandy@x.org");
        assertThat(conn.execute(select(name).where(id.gt(1)).orderBy(name.desc())).scalars().all())
            .containsExactly("sandy", "patrick");
        assertThat(conn.execute(select(func.count()).selectFrom(users)).scalarOne()).isEqualTo(3L);
      }
      md.dropAll(engine);
    }
  }
}
