package org.jalchemy.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.inspect;
import static org.jalchemy.Jalchemy.select;

import java.lang.ref.WeakReference;
import java.sql.SQLException;
import java.util.List;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.session.model.SesUser;
import org.jalchemy.orm.session.model.SesUser_;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Object states, the identity map, and the SQL (or absence of it) behind each Session call. */
class SessionStatesTest {

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void transientPendingPersistentAndRollbackToTransient(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb); Session session = db.sessions.open()) {
      SesUser u = new SesUser("spongebob", "Spongebob Squarepants");
      assertThat(inspect(u).state()).isEqualTo(ObjectState.TRANSIENT);

      session.add(u);
      assertThat(inspect(u).state()).isEqualTo(ObjectState.PENDING);
      assertThat(session.newObjects()).containsExactly(u);
      assertThat(db.takeSql()).as("add emits nothing").isEmpty();

      session.flush();
      assertThat(db.statements()).containsExactly("INSERT ses_user");
      assertThat(inspect(u).state()).isEqualTo(ObjectState.PERSISTENT);
      assertThat(u.getId()).as("generated key written into the object").isNotNull();
      assertThat(session.newObjects()).isEmpty();

      session.rollback();
      assertThat(inspect(u).state()).as("inserted in the rolled back transaction").isEqualTo(ObjectState.TRANSIENT);
      assertThat(db.rows("SELECT id FROM ses_user")).as("nothing saved").isEmpty();

      SesUser sandy = new SesUser("sandy", "Sandy Cheeks");
      session.add(sandy);
      session.commit();
      List<String> sql = db.statements();
      assertThat(sql).containsExactly("INSERT ses_user");
      assertThat(db.rows("SELECT name, fullname FROM ses_user")).containsExactly(List.of("sandy", "Sandy Cheeks"));
      assertThat(inspect(sandy).state()).isEqualTo(ObjectState.PERSISTENT);

      session.close();
      assertThat(inspect(sandy).state()).isEqualTo(ObjectState.DETACHED);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void identityMapGivesTheSameInstanceAndGetNeedsNoSql(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      try (Session s = db.sessions.open()) {
        s.addAll(List.of(new SesUser("sandy", "Sandy Cheeks"), new SesUser("patrick", "Patrick Star")));
        s.commit();
      }
      db.takeSql();
      try (Session session = db.sessions.open()) {
        List<SesUser> users = session.scalars(select(SesUser.class).where(SesUser_.name.eq("sandy"))).all();
        assertThat(users).hasSize(1);
        SesUser sandy = users.get(0);
        assertThat(db.statements()).containsExactly("SELECT ses_user");
        assertThat(inspect(sandy).state()).isEqualTo(ObjectState.PERSISTENT);

        assertThat(session.get(SesUser.class, sandy.getId())).isSameAs(sandy);
        assertThat(db.takeSql()).as("get answered by the identity map").isEmpty();

        List<SesUser> all = session.scalars(select(SesUser.class).orderBy(SesUser_.name)).all();
        assertThat(all.get(1)).isSameAs(sandy);
        assertThat(session.scalar(select(SesUser.class).where(SesUser_.name.eq("sandy")))).isSameAs(sandy);
        assertThat(db.statements()).containsExactly("SELECT ses_user", "SELECT ses_user");

        SesUser patrick = all.get(0);
        assertThat(patrick.getName()).isEqualTo("patrick");
        assertThat(session.get(SesUser.class, patrick.getId())).isSameAs(patrick);
        assertThat(db.takeSql()).isEmpty();
        assertThat(session.get(SesUser.class, 999_999)).isNull();
        assertThat(db.statements()).as("not in the identity map: one SELECT").containsExactly("SELECT ses_user");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void deleteExpungeAndViews(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb); Session session = db.sessions.open()) {
      SesUser a = new SesUser("a", null);
      SesUser b = new SesUser("b", null);
      session.addAll(List.of(a, b));
      session.commit();
      db.takeSql();

      a.setFullname("Alpha");
      assertThat(db.takeSql()).as("writing an expired attribute loads nothing").isEmpty();
      assertThat(session.dirty()).containsExactly(a);
      assertThat(session.isModified(a)).isTrue();
      assertThat(session.isModified(b)).isFalse();

      session.delete(b);
      assertThat(db.statements()).as("b's addresses, whose foreign keys the flush would clear")
          .containsExactly("SELECT ses_address");
      assertThat(session.deleted()).containsExactly(b);
      assertThat(inspect(b).state()).as("until flushed").isEqualTo(ObjectState.PERSISTENT);
      session.flush();
      assertThat(db.statements()).containsExactly("UPDATE ses_user", "DELETE ses_user");
      assertThat(inspect(b).state()).isEqualTo(ObjectState.DELETED);
      assertThat(session.deleted()).isEmpty();
      assertThat(session.dirty()).isEmpty();

      SesUser c = new SesUser("c", null);
      session.add(c);
      session.expunge(c);
      assertThat(inspect(c).state()).isEqualTo(ObjectState.TRANSIENT);
      session.expunge(a);
      assertThat(inspect(a).state()).isEqualTo(ObjectState.DETACHED);
      session.commit();
      assertThat(inspect(b).state()).as("deleted, then committed").isEqualTo(ObjectState.DETACHED);
      assertThat(db.rows("SELECT name, fullname FROM ses_user")).containsExactly(List.of("a", "Alpha"));
      assertThatThrownBy(() -> session.delete(c)).isInstanceOf(InvalidRequestError.class).hasMessageContaining("TRANSIENT");
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void cleanObjectsAreHeldWeakly(TestDatabase tdb) throws InterruptedException {
    try (SessionDb db = new SessionDb(tdb)) {
      try (Session s = db.sessions.open()) {
        s.add(new SesUser("sandy", null));
        s.commit();
      }
      try (Session session = db.sessions.open()) {
        WeakReference<SesUser> ref = new WeakReference<>(session.scalars(select(SesUser.class)).one());
        Integer id = ref.get().getId();
        for (int i = 0; i < 50 && ref.get() != null; i++) {
          System.gc();
          Thread.sleep(10);
        }
        assertThat(ref.get()).as("the session holds a clean object only weakly").isNull();
        db.takeSql();
        assertThat(session.get(SesUser.class, id).getName()).isEqualTo("sandy");
        assertThat(db.statements()).as("collected, so loaded again").containsExactly("SELECT ses_user");
      }
    }
  }
}
