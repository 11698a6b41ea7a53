package org.jalchemy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.jalchemy.Jalchemy.*;
import static org.jalchemy.sql.RoundTripFixture.row;

import java.util.List;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.CompileError;
import org.jalchemy.result.Row;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** INSERT, UPDATE and DELETE executed on every database, with RETURNING where the database has it. */
class DmlRoundTripTest {
  private final RoundTripFixture fx = new RoundTripFixture();
  private final SqlFixtures f = fx.f;

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void insertReturningMultiRowAndFromSelect(TestDatabase db) {
    try (Engine engine = db.engine()) {
      fx.setUp(engine);
      try (Connection conn = engine.connect()) {
        Row one = conn.execute(insert(fx.notes).value(fx.body, "first").returning(fx.noteId, fx.body)).one();
        assertThat(one.get(fx.noteId)).isEqualTo(1);
        assertThat(one.get(fx.body)).isEqualTo("first");
        List<Row> many = conn.execute(insert(fx.notes)
            .values(List.of(row("body", "a'b"), row("body", "50%_x"), row("body", "--;")))
            .returning(fx.body)).all();
        assertThat(many).extracting(r -> r.get(fx.body)).containsExactlyInAnyOrder("a'b", "50%_x", "--;");
        var r = conn.execute(insert(fx.notes).values(List.of(row("body", "p"), row("body", "q"))));
        assertThat(r.rowcount()).isEqualTo(2);
        var copied = conn.execute(insert(fx.notes).fromSelect(List.of(fx.body), select(f.name.concat("@").concat(f.name))
            .where(f.userId.le(2))));
        assertThat(copied.rowcount()).isEqualTo(2);
        assertThat(conn.execute(select(fx.body).where(fx.body.endsWith("@sandy")).orderBy(fx.body)).scalars().all())
            .containsExactly("sandy@sandy");
        assertThat(conn.execute(select(func.count()).selectFrom(fx.notes)).scalarOne()).isEqualTo(8L);
        assertThat(conn.execute(select(fx.body).where(fx.body.startsWith("50%_"))).scalars().all()).containsExactly("50%_x");
        conn.commit();
      } finally {
        fx.tearDown(engine);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void updateAndDeleteWithReturningWhereSupported(TestDatabase db) {
    try (Engine engine = db.engine()) {
      fx.setUp(engine);
      try (Connection conn = engine.connect()) {
        var raise = update(f.employees).set(f.salary, f.salary.plus(5)).where(f.dept.eq("eng"));
        assertThat(conn.execute(raise).rowcount()).isEqualTo(2);
        assertThat(conn.execute(select(f.salary).where(f.dept.eq("eng")).orderBy(f.empId)).scalars().all())
            .containsExactly(105, 155);

        var rename = update(f.users).set(f.fullname, "Patrick Star").where(f.name.eq("patrick")).returning(f.userId, f.fullname);
        if (db.name().equals("mariadb")) {
          assertThatThrownBy(() -> conn.execute(rename)).isInstanceOf(CompileError.class).hasMessageContaining("RETURNING");
          conn.execute(update(f.users).set(f.fullname, "Patrick Star").where(f.name.eq("patrick")));
        } else {
          assertThat(conn.execute(rename).all()).extracting(r -> r.get(f.userId), r -> r.get(f.fullname))
              .containsExactly(tuple(3, "Patrick Star"));
        }
        assertThat(conn.execute(select(f.fullname).where(f.userId.eq(3))).scalarOne()).isEqualTo("Patrick Star");

        // Correlated subqueries in UPDATE and DELETE see the row being changed.
        var mails = select(func.count(f.addressId)).where(f.addrUserId.eq(f.userId)).scalarSubquery();
        conn.execute(update(f.users).set(f.fullname, mails.cast(org.jalchemy.types.Types.STRING)).where(f.userId.le(2)));
        assertThat(conn.execute(select(f.fullname).where(f.userId.le(2)).orderBy(f.userId)).scalars().all())
            .containsExactly("1", "2");
        var noMail = delete(f.users).where(select(f.addressId).where(f.addrUserId.eq(f.userId)).exists().not());
        assertThat(conn.execute(noMail).rowcount()).isEqualTo(3);
        assertThat(conn.execute(select(f.name).orderBy(f.userId)).scalars().all()).containsExactly("spongebob", "sandy");

        var gone = delete(f.addresses).where(f.email.endsWith("@y.org")).returning(f.addressId, f.email);
        assertThat(conn.execute(gone).all()).extracting(r -> r.get(f.addressId), r -> r.get(f.email))
            .containsExactly(tuple(3, "sandy@y.org"));
        assertThat(conn.execute(delete(f.addresses).where(f.addressId.in(List.of(1, 2, 99)))).rowcount()).isEqualTo(2);
        conn.commit();
      } finally {
        fx.tearDown(engine);
      }
    }
  }
}
