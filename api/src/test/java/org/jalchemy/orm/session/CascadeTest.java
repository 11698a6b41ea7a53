package org.jalchemy.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.inspect;
import static org.jalchemy.Jalchemy.select;

import java.sql.SQLException;
import java.util.List;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.session.model.SesLine;
import org.jalchemy.orm.session.model.SesAddress;
import org.jalchemy.orm.session.model.SesOrder;
import org.jalchemy.orm.session.model.SesUser;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cascade.DELETE and DELETE_ORPHAN on a one-to-many, and the collection's orderBy. */
class CascadeTest {

  private static Integer seed(SessionDb db) {
    try (Session s = db.sessions.open()) {
      SesOrder order = new SesOrder("A-1");
      order.getLines().add(new SesLine(2, "nut"));
      order.getLines().add(new SesLine(1, "bolt"));
      s.add(order);
      s.commit();
      Integer id = order.getId();
      db.takeSql();
      return id;
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void deletingTheParentDeletesItsChildrenFirst(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb)) {
      Integer id = seed(db);
      try (Session session = db.sessions.open()) {
        SesOrder order = session.get(SesOrder.class, id);
        db.takeSql();
        session.delete(order);
        assertThat(db.statements()).as("the lines are loaded to be deleted").containsExactly("SELECT ses_line");
        session.commit();
        assertThat(db.statements()).containsExactly("DELETE ses_line", "DELETE ses_line", "DELETE ses_order");
        assertThat(inspect(order).state()).isEqualTo(ObjectState.DETACHED);
      }
      assertThat(db.rows("SELECT id FROM ses_line")).isEmpty();
      assertThat(db.rows("SELECT id FROM ses_order")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void aLineTakenOutOfItsOrderIsDeletedAsAnOrphan(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb)) {
      Integer id = seed(db);
      try (Session session = db.sessions.open()) {
        SesOrder order = session.get(SesOrder.class, id);
        List<SesLine> lines = order.getLines();
        assertThat(lines).extracting(SesLine::getProduct).as("orderBy position").containsExactly("bolt", "nut");
        db.takeSql();
        SesLine bolt = lines.remove(0);
        assertThat(bolt.getOrder()).isNull();
        session.commit();
        assertThat(db.statements()).containsExactly("DELETE ses_line");
        assertThat(inspect(bolt).state()).isEqualTo(ObjectState.DETACHED);
      }
      assertThat(db.rows("SELECT product FROM ses_line")).containsExactly(List.of("nut"));
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void withoutADeleteCascadeTheChildrenAreKeptWithANullForeignKey(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb)) {
      Integer id;
      try (Session s = db.sessions.open()) {
        SesUser u = new SesUser("sandy", null);
        u.getAddresses().add(new SesAddress("a@sea.org"));
        u.getAddresses().add(new SesAddress("b@sea.org"));
        s.add(u);
        s.commit();
        id = u.getId();
      }
      db.takeSql();
      try (Session session = db.sessions.open()) {
        SesUser u = session.get(SesUser.class, id);
        session.delete(u);
        session.commit();
        assertThat(db.statements()).as("the children's foreign keys cleared in one executemany, then the parent")
            .containsExactly("SELECT ses_user", "SELECT ses_address", "UPDATE ses_address", "DELETE ses_user");
      }
      assertThat(db.rows("SELECT email_address, user_id FROM ses_address ORDER BY email_address"))
          .containsExactly(java.util.Arrays.asList("a@sea.org", null), java.util.Arrays.asList("b@sea.org", null));
      assertThat(db.rows("SELECT id FROM ses_user")).isEmpty();
    }
  }
}
