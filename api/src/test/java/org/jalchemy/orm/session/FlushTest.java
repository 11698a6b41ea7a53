package org.jalchemy.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.inspect;
import static org.jalchemy.Jalchemy.select;

import java.sql.SQLException;
import java.util.List;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.PendingRollbackError;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionMaker;
import org.jalchemy.orm.StaleDataError;
import org.jalchemy.orm.session.model.SesAddress;
import org.jalchemy.orm.session.model.SesItem;
import org.jalchemy.orm.session.model.SesTag;
import org.jalchemy.orm.session.model.SesUser;
import org.jalchemy.orm.session.model.SesUser_;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The unit of work: statement order, generated keys, change-only UPDATE, autoflush, failures, versions. */
class FlushTest {

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void insertsParentsFirstAndCopiesGeneratedKeysIntoForeignKeys(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb); Session session = db.sessions.open()) {
      SesUser u = new SesUser("sandy", "Sandy Cheeks");
      SesAddress a1 = new SesAddress("a1@sea.org");
      u.getAddresses().add(a1);
      SesAddress a2 = new SesAddress("a2@sea.org");
      a2.setUser(u);
      session.add(a2); // the child first: cascades reach the user, and through it a1
      assertThat(session.newObjects()).containsExactlyInAnyOrder(a2, u, a1);

      session.commit();
      if (db.engine.dialect().batchReturnsGeneratedKeys()) {
        assertThat(db.statements()).containsExactly("INSERT ses_user", "INSERT ses_address");
        assertThat(db.batchSizes).as("both addresses in one batch, their keys generated").containsExactly(2);
      } else {
        assertThat(db.statements()).containsExactly("INSERT ses_user", "INSERT ses_address", "INSERT ses_address");
      }
      assertThat(db.rows("SELECT a.email_address, a.user_id, u.name FROM ses_address a JOIN ses_user u ON u.id = a.user_id ORDER BY a.email_address"))
          .containsExactly(List.of("a1@sea.org", (long) u.getId(), "sandy"), List.of("a2@sea.org", (long) u.getId(), "sandy"));
      assertThat(a1.getUserId()).isEqualTo(u.getId());
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void rowsWithKnownKeysAreInsertedInOneBatchWithJavaDefaultsInTheObjects(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb); Session session = db.sessions.open()) {
      SesTag a = new SesTag("a", "Alpha");
      session.addAll(List.of(a, new SesTag("b", "Beta"), new SesTag("c", null)));
      session.flush();
      assertThat(db.statements()).containsExactly("INSERT ses_tag");
      assertThat(db.batchSizes).as("one executemany of three rows").containsExactly(3);
      assertThat(a.getWeight()).as("the Java-side default, set in the object too").isEqualTo(7);
      assertThat(session.get(SesTag.class, "a")).isSameAs(a);
      session.commit();
      assertThat(db.rows("SELECT code, label, weight FROM ses_tag ORDER BY code")).containsExactly(
          List.of("a", "Alpha", 7L), List.of("b", "Beta", 7L), java.util.Arrays.asList("c", null, 7L));

      a.setStampedBy("ops"); // a field of the mixin superclass: tracked as well
      session.commit();
      List<String> sql = db.takeSql();
      assertThat(sql).extracting(SessionDb::shape).containsExactly("UPDATE ses_tag");
      assertThat(SessionDb.setClause(sql.get(0))).isEqualTo("stamped_by=?");
      assertThat(db.rows("SELECT stamped_by FROM ses_tag WHERE code = 'a'")).containsExactly(List.of("ops"));
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void updatesOnlyChangedColumnsAndNothingWithoutANetChange(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb)) {
      try (Session s = db.sessions.open()) {
        s.add(new SesUser("sandy", "Sandy Cheeks"));
        s.commit();
      }
      try (Session session = db.sessions.open()) {
        SesUser u = session.scalars(select(SesUser.class)).one();
        db.takeSql();
        u.setName("sandy");
        assertThat(session.isModified(u)).isFalse();
        session.flush();
        assertThat(db.takeSql()).as("same value: no UPDATE").isEmpty();

        u.setFullname("Sandy C.");
        session.commit();
        List<String> sql = db.takeSql();
        assertThat(sql).hasSize(1);
        assertThat(SessionDb.shape(sql.get(0))).isEqualTo("UPDATE ses_user");
        assertThat(SessionDb.setClause(sql.get(0))).isEqualTo("fullname=?");
        assertThat(db.rows("SELECT name, fullname FROM ses_user")).containsExactly(List.of("sandy", "Sandy C."));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void deletesChildrenBeforeParents(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb); Session session = db.sessions.open()) {
      SesUser u = new SesUser("sandy", null);
      u.getAddresses().add(new SesAddress("a@sea.org"));
      u.getAddresses().add(new SesAddress("b@sea.org"));
      session.add(u);
      session.flush();
      db.takeSql();

      session.delete(u); // the parent first
      for (SesAddress a : u.getAddresses()) {
        session.delete(a);
      }
      session.commit();
      assertThat(db.statements()).containsExactly("DELETE ses_address", "DELETE ses_address", "DELETE ses_user");
      assertThat(db.rows("SELECT id FROM ses_address")).isEmpty();
      assertThat(db.rows("SELECT id FROM ses_user")).isEmpty();
      assertThat(inspect(u).state()).isEqualTo(ObjectState.DETACHED);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void autoflushesBeforeAQuery(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb); Session session = db.sessions.open()) {
      session.add(new SesUser("sandy", null));
      List<SesUser> found = session.scalars(select(SesUser.class).where(SesUser_.name.eq("sandy"))).all();
      assertThat(found).hasSize(1);
      assertThat(db.statements()).containsExactly("INSERT ses_user", "SELECT ses_user");
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void aFailedFlushRollsBackAndTheSessionSaysSoUntilRollback(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb); Session session = db.sessions.open()) {
      session.add(new SesUser("sandy", null));
      session.flush();
      SesUser twin = new SesUser("sandy", null);
      session.add(twin);
      assertThatThrownBy(session::flush).isInstanceOf(IntegrityError.class);
      assertThatThrownBy(() -> session.scalars(select(SesUser.class)))
          .isInstanceOf(PendingRollbackError.class).hasMessageContaining("call session.rollback()");
      assertThatThrownBy(session::commit).isInstanceOf(PendingRollbackError.class);

      session.rollback();
      assertThat(inspect(twin).state()).isEqualTo(ObjectState.TRANSIENT);
      assertThat(db.rows("SELECT id FROM ses_user")).as("the first INSERT was rolled back too").isEmpty();
      session.add(new SesUser("patrick", null));
      session.commit();
      assertThat(db.rows("SELECT name FROM ses_user")).containsExactly(List.of("patrick"));
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void versionIsCheckedAndBumped(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb, SessionMaker.Options.defaults().expireOnCommit(false));
         Session session = db.sessions.open()) {
      SesItem item = new SesItem("bolt", 1);
      session.add(item);
      session.commit();
      assertThat(item.getVersion()).isEqualTo(1);

      item.increment(); // quantity++ reads and writes through the hooks
      session.commit();
      List<String> sql = db.takeSql();
      assertThat(sql).hasSize(2);
      assertThat(SessionDb.setClause(sql.get(1))).isEqualTo("quantity=?,version=?");
      assertThat(sql.get(1).replaceAll("[\"`\\s]", "")).contains("version=?");
      assertThat(item.getVersion()).isEqualTo(2);
      assertThat(db.rows("SELECT quantity, version FROM ses_item")).containsExactly(List.of(2L, 2L));

      assertThat(db.exec("UPDATE ses_item SET version = 7")).isEqualTo(1); // another transaction
      item.setLabel("nut");
      assertThatThrownBy(session::flush).isInstanceOf(StaleDataError.class).hasMessageContaining("ses_item")
          .hasMessageContaining("matched 0 row(s)");
      session.rollback();
      assertThat(db.rows("SELECT label, version FROM ses_item")).containsExactly(List.of("bolt", 7L));
    }
  }
}
