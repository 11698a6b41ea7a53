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
}
