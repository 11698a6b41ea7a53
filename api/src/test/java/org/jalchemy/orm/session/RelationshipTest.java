package org.jalchemy.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.select;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.session.model.SesAddress;
import org.jalchemy.orm.session.model.SesAddress_;
import org.jalchemy.orm.session.model.SesUser;
import org.jalchemy.orm.session.model.SesUser_;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Lazy loading timing, back-populates kept in step in memory, and foreign keys written by flush. */
class RelationshipTest {

  private static void seed(SessionDb db) {
    try (Session s = db.sessions.open()) {
      SesUser sandy = new SesUser("sandy", null);
      sandy.getAddresses().add(new SesAddress("a@sea.org"));
      sandy.getAddresses().add(new SesAddress("b@sea.org"));
      s.add(sandy);
      s.add(new SesUser("patrick", null));
      s.commit();
    }
    db.takeSql();
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void collectionsLoadOnFirstAccessAndManyToOneFromTheIdentityMap(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      seed(db);
      try (Session session = db.sessions.open()) {
        SesUser sandy = session.scalars(select(SesUser.class).where(SesUser_.name.eq("sandy"))).one();
        assertThat(db.statements()).as("the user only").containsExactly("SELECT ses_user");

        List<SesAddress> addresses = sandy.getAddresses();
        assertThat(db.statements()).as("loaded on first access").containsExactly("SELECT ses_address");
        assertThat(addresses).extracting(SesAddress::getEmailAddress).containsExactlyInAnyOrder("a@sea.org", "b@sea.org");
        assertThat(sandy.getAddresses()).isSameAs(addresses);
        assertThat(addresses.get(0).getUser()).as("many-to-one target in the identity map").isSameAs(sandy);
        assertThat(db.takeSql()).isEmpty();
      }
      try (Session session = db.sessions.open()) {
        SesAddress a = session.scalars(select(SesAddress.class).where(SesAddress_.emailAddress.eq("a@sea.org"))).one();
        db.takeSql();
        SesUser u = a.getUser();
        assertThat(db.statements()).containsExactly("SELECT ses_user");
        assertThat(u.getName()).isEqualTo("sandy");
        assertThat(session.get(SesUser.class, u.getId())).isSameAs(u);
      }
    }
  }

  @Test
  void backPopulatesKeepBothSidesInStepBeforeAnyFlush() {
    SesUser sandy = new SesUser("sandy", null);
    SesUser patrick = new SesUser("patrick", null);
    SesAddress a = new SesAddress("a@sea.org");
    SesAddress b = new SesAddress("b@sea.org");

    a.setUser(sandy);
    assertThat(sandy.getAddresses()).containsExactly(a);
    sandy.getAddresses().add(b);
    assertThat(b.getUser()).isSameAs(sandy);

    b.setUser(patrick); // moving
    assertThat(sandy.getAddresses()).containsExactly(a);
    assertThat(patrick.getAddresses()).containsExactly(b);

    patrick.getAddresses().remove(b); // removing
    assertThat(b.getUser()).isNull();
    a.setUser(null);
    assertThat(sandy.getAddresses()).isEmpty();

    List<SesAddress> replacement = new ArrayList<>(List.of(a, b));
    patrick.getAddresses().addAll(replacement);
    assertThat(a.getUser()).isSameAs(patrick);
    assertThat(b.getUser()).isSameAs(patrick);
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void flushWritesForeignKeysOfMovedAndRemovedChildren(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb)) {
      seed(db);
      try (Session session = db.sessions.open()) {
        SesUser sandy = session.scalars(select(SesUser.class).where(SesUser_.name.eq("sandy"))).one();
        SesUser patrick = session.scalars(select(SesUser.class).where(SesUser_.name.eq("patrick"))).one();
        SesAddress a = sandy.getAddresses().stream().filter(x -> x.getEmailAddress().startsWith("a")).findFirst().orElseThrow();
        SesAddress b = sandy.getAddresses().stream().filter(x -> x.getEmailAddress().startsWith("b")).findFirst().orElseThrow();
        db.takeSql();

        a.setUser(patrick);           // patrick's addresses are not loaded: no SQL, no load
        sandy.getAddresses().remove(b);
        assertThat(sandy.getAddresses()).isEmpty();
        assertThat(db.takeSql()).isEmpty();
        session.commit();
        List<String> sql = db.takeSql();
        assertThat(sql).extracting(SessionDb::shape).as("both foreign key changes in one executemany")
            .containsExactly("UPDATE ses_address");
        assertThat(db.batchSizes).last().isEqualTo(2);
        assertThat(sql).extracting(SessionDb::setClause).containsOnly("user_id=?");
        assertThat(db.rows("SELECT email_address, user_id FROM ses_address ORDER BY email_address"))
            .containsExactly(List.of("a@sea.org", (long) patrick.getId()), java.util.Arrays.asList("b@sea.org", null));

        assertThat(patrick.getAddresses()).extracting(SesAddress::getEmailAddress).containsExactly("a@sea.org");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void appendingToAPersistentCollectionCascadesTheNewObjectIntoTheSession(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb)) {
      seed(db);
      try (Session session = db.sessions.open()) {
        SesUser patrick = session.scalars(select(SesUser.class).where(SesUser_.name.eq("patrick"))).one();
        db.takeSql();
        SesAddress c = new SesAddress("c@sea.org");
        patrick.getAddresses().add(c);
        assertThat(db.statements()).as("the collection loads first").containsExactly("SELECT ses_address");
        assertThat(session.newObjects()).containsExactly(c);
        assertThat(c.getUser()).isSameAs(patrick);
        session.commit();
        assertThat(db.statements()).containsExactly("INSERT ses_address");
        assertThat(db.rows("SELECT user_id FROM ses_address WHERE email_address = 'c@sea.org'"))
            .containsExactly(List.of((long) patrick.getId()));
      }
    }
  }
}
