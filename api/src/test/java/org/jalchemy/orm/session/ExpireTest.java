package org.jalchemy.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.inspect;

import java.sql.SQLException;
import org.jalchemy.orm.DetachedInstanceError;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionMaker;
import org.jalchemy.orm.session.model.SesUser;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** expireOnCommit, expire, refresh, and the error for an expired attribute of a detached object. */
class ExpireTest {

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void attributesReloadOnNextAccessAfterCommit(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb); Session session = db.sessions.open()) {
      SesUser u = new SesUser("sandy", "Sandy Cheeks");
      session.add(u);
      session.commit();
      db.takeSql();
      assertThat(inspect(u).expiredAttributes()).contains("name", "fullname");

      db.exec("UPDATE ses_user SET fullname = 'Changed Elsewhere'");
      assertThat(u.getFullname()).isEqualTo("Changed Elsewhere");
      assertThat(db.statements()).as("one SELECT reloads every expired column").containsExactly("SELECT ses_user");
      assertThat(u.getName()).isEqualTo("sandy");
      assertThat(db.takeSql()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void anExpiredAttributeOfADetachedObjectRaisesNeverNull(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      SesUser u = new SesUser("sandy", "Sandy Cheeks");
      try (Session session = db.sessions.open()) {
        session.add(u);
        session.commit();
      }
      assertThat(inspect(u).state()).isEqualTo(ObjectState.DETACHED);
      assertThatThrownBy(u::getName).isInstanceOf(DetachedInstanceError.class)
          .hasMessageContaining("'name'").hasMessageContaining("SesUser").hasMessageContaining("expireOnCommit(false)");
      assertThatThrownBy(u::getAddresses).isInstanceOf(DetachedInstanceError.class);

      SesUser kept = new SesUser("patrick", "Patrick Star");
      try (Session session = SessionMaker.of(db.engine, SessionMaker.Options.defaults().expireOnCommit(false)).open()) {
        session.add(kept);
        session.commit();
      }
      assertThat(kept.getFullname()).as("not expired: readable when detached").isEqualTo("Patrick Star");
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void expireDiscardsChangesAndRefreshReloads(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb, SessionMaker.Options.defaults().expireOnCommit(false));
         Session session = db.sessions.open()) {
      SesUser u = new SesUser("sandy", "Sandy Cheeks");
      session.add(u);
      session.commit();
      db.exec("UPDATE ses_user SET fullname = 'Elsewhere'");
      db.takeSql();

      u.setFullname("Mine");
      session.expire(u);
      assertThat(session.isModified(u)).isFalse();
      assertThat(u.getFullname()).isEqualTo("Elsewhere");
      assertThat(db.statements()).containsExactly("SELECT ses_user");
      session.commit();
      assertThat(db.takeSql()).as("the discarded change is not written").isEmpty();

      db.exec("UPDATE ses_user SET fullname = 'Again'");
      session.refresh(u);
      assertThat(db.statements()).containsExactly("SELECT ses_user");
      assertThat(u.getFullname()).isEqualTo("Again");
    }
  }

  /**
   * A commit only counts an expiry; each object applies it when next touched. What the session
   * gains after the commit (loaded, added and flushed, or moved in from another session) is not
   * expired by it, and an object that was pending at an expireAll is not expired once flushed.
   */
  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void anExpiryAppliesToWhatTheSessionHeldThenAndNothingItGainsAfter(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb); Session session = db.sessions.open()) {
      SesUser before = new SesUser("before", "Before");
      session.add(before);
      session.commit(); // before: expired (lazily)

      SesUser added = new SesUser("added", "Added");
      session.add(added);
      session.flush(); // persistent after the commit: not expired by it
      SesUser loaded = session.scalars(org.jalchemy.Jalchemy.select(SesUser.class)
          .where(org.jalchemy.orm.session.model.SesUser_.name.eq("added"))).one();
      assertThat(loaded).isSameAs(added);
      db.takeSql();
      assertThat(added.getFullname()).isEqualTo("Added");
      assertThat(db.takeSql()).as("no reload for an object flushed after the commit").isEmpty();
      assertThat(inspect(before).expiredAttributes()).contains("name", "fullname");

      SesUser pending = new SesUser("pending", "Pending");
      session.add(pending);
      session.expireAll(); // pending has no row yet: nothing of it to expire
      session.flush();
      db.takeSql();
      assertThat(pending.getFullname()).isEqualTo("Pending");
      assertThat(db.takeSql()).as("the expireAll while pending passes it by").isEmpty();
      assertThat(inspect(added).expiredAttributes()).as("expireAll reached the persistent ones").contains("fullname");
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void expireAllDiscardsUnflushedChangesAtOnce(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb, SessionMaker.Options.defaults().expireOnCommit(false));
         Session session = db.sessions.open()) {
      SesUser u = new SesUser("sandy", "Sandy Cheeks");
      session.add(u);
      session.commit();
      u.setFullname("Mine");
      assertThat(session.isModified(u)).isTrue();
      session.expireAll();
      assertThat(session.isModified(u)).isFalse();
      db.takeSql();
      session.commit();
      assertThat(db.statements()).as("the discarded change is not written").doesNotContain("UPDATE ses_user");
      assertThat(u.getFullname()).isEqualTo("Sandy Cheeks");
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void anObjectExpiredByCommitStaysExpiredWhenMovedToAnotherSession(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb)) {
      SesUser u = new SesUser("sandy", "Sandy Cheeks");
      try (Session first = db.sessions.open()) {
        first.add(u);
        first.commit();
      }
      db.exec("UPDATE ses_user SET fullname = 'Elsewhere'");
      try (Session second = db.sessions.open()) {
        second.add(u); // detached, expired by the first session's commit: reloads here
        db.takeSql();
        assertThat(u.getFullname()).isEqualTo("Elsewhere");
        assertThat(db.statements()).containsExactly("SELECT ses_user");
      }
    }
  }
}
