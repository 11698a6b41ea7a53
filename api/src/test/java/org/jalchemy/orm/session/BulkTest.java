package org.jalchemy.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.delete;
import static org.jalchemy.Jalchemy.insert;
import static org.jalchemy.Jalchemy.inspect;
import static org.jalchemy.Jalchemy.select;
import static org.jalchemy.Jalchemy.update;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.session.model.SesAddress;
import org.jalchemy.orm.session.model.SesTag;
import org.jalchemy.orm.session.model.SesUser;
import org.jalchemy.orm.session.model.SesUser_;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ORM bulk INSERT and UPDATE, and UPDATE/DELETE with WHERE that keep the session's objects in step. */
class BulkTest {

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void bulkInsertOfAttributeMapsIsOneExecutemanyWithJavaDefaultsAndNoObjects(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb); Session session = db.sessions.open()) {
      session.execute(insert(SesTag.class), List.of(Map.of("code", "a", "label", "Alpha"), Map.of("code", "b", "label", "Beta"),
          Map.of("code", "c", "label", "Gamma", "weight", 3)));
      assertThat(db.statements()).containsExactly("INSERT ses_tag");
      assertThat(db.batchSizes).as("one executemany, defaults filling the missing keys").containsExactly(3);
      assertThat(session.newObjects()).isEmpty();
      session.execute(insert(SesAddress.class), List.of(Map.of("emailAddress", "x@sea.org"), Map.of("emailAddress", "y@sea.org")));
      session.commit();
      assertThat(db.rows("SELECT code, label, weight FROM ses_tag ORDER BY code")).containsExactly(
          List.of("a", "Alpha", 7L), List.of("b", "Beta", 7L), List.of("c", "Gamma", 3L));
      assertThat(db.rows("SELECT email_address FROM ses_address ORDER BY email_address"))
          .as("attribute names become column names").containsExactly(List.of("x@sea.org"), List.of("y@sea.org"));
      assertThatThrownBy(() -> session.execute(insert(SesTag.class), List.of(Map.of("nope", 1))))
          .isInstanceOf(ArgumentError.class).hasMessageContaining("'nope' is not an attribute of SesTag");
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void bulkUpdateByPrimaryKeyExpiresTheSessionsObjects(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb); Session session = db.sessions.open()) {
      SesUser sandy = new SesUser("sandy", "Sandy");
      SesUser patrick = new SesUser("patrick", "Patrick");
      session.addAll(List.of(sandy, patrick));
      session.commit();
      assertThat(sandy.getFullname()).isEqualTo("Sandy");
      List<Map<String, Object>> rows = List.of(Map.of("id", sandy.getId(), "fullname", "Sandy Cheeks"),
          Map.of("id", patrick.getId(), "fullname", "Patrick Star"));
      db.takeSql();
      db.batchSizes.clear();
      session.execute(update(SesUser.class), rows);
      assertThat(db.statements()).containsExactly("UPDATE ses_user");
      assertThat(db.batchSizes).containsExactly(2);
      assertThat(inspect(sandy).expiredAttributes()).contains("fullname");
      assertThat(sandy.getFullname()).as("reloaded").isEqualTo("Sandy Cheeks");
      session.commit();
      assertThat(db.rows("SELECT name, fullname FROM ses_user ORDER BY name"))
          .containsExactly(List.of("patrick", "Patrick Star"), List.of("sandy", "Sandy Cheeks"));
      assertThatThrownBy(() -> session.execute(update(SesUser.class), List.of(Map.of("fullname", "no key"))))
          .isInstanceOf(ArgumentError.class).hasMessageContaining("lacks 'id'");
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void updateAndDeleteWithWhereKeepTheSessionInStep(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb); Session session = db.sessions.open()) {
      SesUser sandy = new SesUser("sandy", "Sandy");
      SesUser squidward = new SesUser("squidward", "Squidward");
      SesUser patrick = new SesUser("patrick", "Patrick");
      session.addAll(List.of(sandy, squidward, patrick));
      session.commit();
      sandy.getName();
      patrick.getName();
      db.takeSql();

      session.execute(update(SesUser.class).where(SesUser_.name.startsWith("s")).values(Map.of(SesUser_.fullname, "Someone")));
      assertThat(db.statements()).as("the matching keys, then the UPDATE").containsExactly("SELECT ses_user", "UPDATE ses_user");
      assertThat(sandy.getFullname()).isEqualTo("Someone");
      assertThat(patrick.getFullname()).isEqualTo("Patrick");

      session.execute(delete(SesUser.class).where(SesUser_.name.eq("patrick")));
      assertThat(inspect(patrick).state()).isEqualTo(ObjectState.DELETED);
      assertThat(session.get(SesUser.class, patrick.getId())).isNull();
      assertThat(session.scalars(select(SesUser_.name).orderBy(SesUser_.name)).all()).containsExactly("sandy", "squidward");

      session.rollback();
      assertThat(inspect(patrick).state()).as("a rollback brings it back").isEqualTo(ObjectState.PERSISTENT);
      assertThat(db.rows("SELECT name, fullname FROM ses_user ORDER BY name")).containsExactly(
          List.of("patrick", "Patrick"), List.of("sandy", "Sandy"), List.of("squidward", "Squidward"));

      session.execute(delete(SesUser.class).where(SesUser_.name.eq("patrick")));
      session.commit();
      assertThat(inspect(patrick).state()).isEqualTo(ObjectState.DETACHED);
      assertThat(db.rows("SELECT name FROM ses_user ORDER BY name")).containsExactly(List.of("sandy"), List.of("squidward"));
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void aFailingBulkStatementLeavesNothing(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb); Session session = db.sessions.open()) {
      session.add(new SesUser("sandy", null));
      assertThatThrownBy(() -> session.execute(insert(SesUser.class), List.of(Map.of("name", "patrick"), Map.of("name", "sandy"))))
          .isInstanceOf(IntegrityError.class);
      session.rollback();
      assertThat(db.rows("SELECT count(*) FROM ses_user")).containsExactly(List.of(0L));
    }
  }
}
