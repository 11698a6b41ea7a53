package org.jalchemy.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.joinedload;
import static org.jalchemy.Jalchemy.lazyload;
import static org.jalchemy.Jalchemy.noload;
import static org.jalchemy.Jalchemy.raiseload;
import static org.jalchemy.Jalchemy.select;
import static org.jalchemy.Jalchemy.selectinload;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.session.model.SesAddress;
import org.jalchemy.orm.session.model.SesAddress_;
import org.jalchemy.orm.session.model.SesAuthor;
import org.jalchemy.orm.session.model.SesAuthor_;
import org.jalchemy.orm.session.model.SesBook;
import org.jalchemy.orm.session.model.SesBook_;
import org.jalchemy.orm.session.model.SesLabel;
import org.jalchemy.orm.session.model.SesLine;
import org.jalchemy.orm.session.model.SesNote;
import org.jalchemy.orm.session.model.SesOrder;
import org.jalchemy.orm.session.model.SesOrder_;
import org.jalchemy.orm.session.model.SesPost;
import org.jalchemy.orm.session.model.SesPost_;
import org.jalchemy.orm.session.model.SesUser;
import org.jalchemy.orm.session.model.SesUser_;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loader options and relationship-level {@code lazy} defaults: the statements each emits (count and
 * shape) and what the objects hold afterwards, with no SQL on access of what was loaded eagerly.
 */
class LoaderOptionsTest {

  /** sandy has two addresses, patrick one, squidward none. */
  private static void seedUsers(SessionDb db) {
    try (Session s = db.sessions.open()) {
      SesUser sandy = new SesUser("sandy", null);
      sandy.getAddresses().add(new SesAddress("a@sea.org"));
      sandy.getAddresses().add(new SesAddress("b@sea.org"));
      SesUser patrick = new SesUser("patrick", null);
      patrick.getAddresses().add(new SesAddress("p@sea.org"));
      s.addAll(List.of(sandy, patrick, new SesUser("squidward", null)));
      s.commit();
    }
    db.takeSql();
  }

  private static Map<String, List<String>> emailsByUser(List<SesUser> users) {
    return users.stream().collect(Collectors.toMap(SesUser::getName,
        u -> u.getAddresses().stream().map(SesAddress::getEmailAddress).sorted().toList()));
  }

  private static final Map<String, List<String>> EXPECTED = Map.of(
      "sandy", List.of("a@sea.org", "b@sea.org"), "patrick", List.of("p@sea.org"), "squidward", List.of());

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void selectinloadLoadsEveryCollectionWithOneMoreSelect(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      seedUsers(db);
      try (Session session = db.sessions.open()) {
        List<SesUser> users = session.scalars(select(SesUser.class).options(selectinload(SesUser_.addresses))).all();
        List<String> sql = db.takeSql();
        assertThat(sql).extracting(SessionDb::shape).containsExactly("SELECT ses_user", "SELECT ses_address");
        assertThat(sql.get(1).toUpperCase()).contains(" IN (");
        assertThat(emailsByUser(users)).isEqualTo(EXPECTED);
        assertThat(db.takeSql()).as("nothing loads on access").isEmpty();
        SesAddress a = users.stream().filter(u -> u.getName().equals("sandy")).findFirst().orElseThrow().getAddresses().get(0);
        assertThat(a.getUser().getName()).as("back reference from the identity map").isEqualTo("sandy");
        assertThat(db.takeSql()).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void joinedloadLoadsCollectionsInTheSameSelectAndReturnsEachParentOnce(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      seedUsers(db);
      try (Session session = db.sessions.open()) {
        List<SesUser> users = session.scalars(select(SesUser.class).options(joinedload(SesUser_.addresses))
            .orderBy(SesUser_.name)).all();
        List<String> sql = db.takeSql();
        assertThat(sql).hasSize(1);
        assertThat(sql.get(0).replaceAll("[\"`]", "").toUpperCase()).contains("LEFT OUTER JOIN SES_ADDRESS AS SES_ADDRESS_1");
        assertThat(users).extracting(SesUser::getName).containsExactly("patrick", "sandy", "squidward");
        assertThat(emailsByUser(users)).isEqualTo(EXPECTED);
        assertThat(db.takeSql()).as("nothing loads on access").isEmpty();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void manyToOneLoadsJoinedOrByKeyInSkippingObjectsAlreadyInTheSession(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      seedUsers(db);
      try (Session session = db.sessions.open()) {
        List<SesAddress> joined = session.scalars(select(SesAddress.class).options(joinedload(SesAddress_.user))).all();
        assertThat(db.statements()).containsExactly("SELECT ses_address");
        assertThat(joined).extracting(a -> a.getUser().getName()).containsExactlyInAnyOrder("sandy", "sandy", "patrick");
        assertThat(db.takeSql()).isEmpty();
      }
      try (Session session = db.sessions.open()) {
        List<SesAddress> all = session.scalars(select(SesAddress.class).options(selectinload(SesAddress_.user))).all();
        assertThat(db.statements()).containsExactly("SELECT ses_address", "SELECT ses_user");
        assertThat(all).extracting(a -> a.getUser().getName()).containsExactlyInAnyOrder("sandy", "sandy", "patrick");
        session.expireAll();
        session.scalars(select(SesUser.class)).all(); // the users are in the identity map again
        db.takeSql();
        session.scalars(select(SesAddress.class).options(selectinload(SesAddress_.user))).all();
        assertThat(db.statements()).as("targets in the identity map need no SELECT").containsExactly("SELECT ses_address");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void orderedCollectionsKeepTheirOrderWhenLoadedEagerly(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      try (Session s = db.sessions.open()) {
        SesOrder o = new SesOrder("A-1");
        o.getLines().add(new SesLine(3, "kelp"));
        o.getLines().add(new SesLine(1, "patty"));
        o.getLines().add(new SesLine(2, "bun"));
        s.add(o);
        s.commit();
      }
      db.takeSql();
      try (Session session = db.sessions.open()) {
        SesOrder o = session.scalars(select(SesOrder.class).options(joinedload(SesOrder_.lines))).one();
        assertThat(o.getLines()).extracting(SesLine::getProduct).containsExactly("patty", "bun", "kelp");
        assertThat(db.statements()).containsExactly("SELECT ses_order");
      }
      try (Session session = db.sessions.open()) {
        SesOrder o = session.scalars(select(SesOrder.class).options(selectinload(SesOrder_.lines))).one();
        assertThat(o.getLines()).extracting(SesLine::getProduct).containsExactly("patty", "bun", "kelp");
        assertThat(db.statements()).containsExactly("SELECT ses_order", "SELECT ses_line");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void manyToManyLoadsThroughTheAssociationTable(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      try (Session s = db.sessions.open()) {
        SesLabel news = new SesLabel("news");
        SesLabel sea = new SesLabel("sea");
        SesPost p1 = new SesPost("one");
        p1.getLabels().add(news);
        p1.getLabels().add(sea);
        SesPost p2 = new SesPost("two");
        p2.getLabels().add(sea);
        s.addAll(List.of(p1, p2, new SesPost("three")));
        s.commit();
      }
      db.takeSql();
      for (boolean joined : new boolean[] {false, true}) {
        try (Session session = db.sessions.open()) {
          List<SesPost> posts = session.scalars(select(SesPost.class)
              .options(joined ? joinedload(SesPost_.labels) : selectinload(SesPost_.labels))).all();
          assertThat(db.takeSql()).hasSize(joined ? 1 : 2);
          Map<String, List<String>> labels = posts.stream().collect(Collectors.toMap(SesPost::getTitle,
              p -> p.getLabels().stream().map(SesLabel::getName).sorted().toList()));
          assertThat(labels).isEqualTo(Map.of("one", List.of("news", "sea"), "two", List.of("sea"), "three", List.of()));
          assertThat(db.takeSql()).isEmpty();
        }
      }
    }
  }

  /** Tolkien wrote two books; the first has a note. */
  private static void seedBooks(SessionDb db) {
    try (Session s = db.sessions.open()) {
      SesAuthor tolkien = new SesAuthor("tolkien");
      SesBook hobbit = new SesBook("the hobbit");
      hobbit.setAuthor(tolkien);
      new SesBook("silmarillion").setAuthor(tolkien);
      SesNote note = new SesNote("dragons");
      note.setBook(hobbit);
      s.add(tolkien);
      s.add(new SesAuthor("nobody"));
      s.commit();
    }
    db.takeSql();
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void relationshipDefaultsApplyWithoutOptionsAndOptionsOverrideThem(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      seedBooks(db);
      try (Session session = db.sessions.open()) {
        List<SesAuthor> authors = session.scalars(select(SesAuthor.class).orderBy(SesAuthor_.name)).all();
        assertThat(db.statements()).as("books are lazy=SELECTIN").containsExactly("SELECT ses_author", "SELECT ses_book");
        assertThat(authors.get(1).getBooks()).extracting(SesBook::getTitle).containsExactly("silmarillion", "the hobbit");
        assertThat(authors.get(0).getBooks()).isEmpty();
        assertThat(db.takeSql()).isEmpty();
      }
      try (Session session = db.sessions.open()) {
        SesBook book = session.scalars(select(SesBook.class).where(SesBook_.title.eq("the hobbit"))).one();
        List<String> sql = db.takeSql();
        assertThat(sql).as("author is lazy=JOINED").hasSize(1);
        assertThat(sql.get(0).toUpperCase()).contains("LEFT OUTER JOIN");
        assertThat(book.getAuthor().getName()).isEqualTo("tolkien");
        assertThat(db.takeSql()).isEmpty();

        assertThatThrownBy(book::getNotes).as("notes are lazy=RAISE")
            .isInstanceOf(InvalidRequestError.class)
            .hasMessageContaining("SesBook.notes").hasMessageContaining("selectinload(SesBook_.notes)");
        assertThat(db.takeSql()).as("raise emits no SQL").isEmpty();
      }
      try (Session session = db.sessions.open()) {
        SesBook book = session.scalars(select(SesBook.class).where(SesBook_.title.eq("the hobbit"))
            .options(selectinload(SesBook_.notes), lazyload(SesBook_.author))).one();
        assertThat(db.statements()).containsExactly("SELECT ses_book", "SELECT ses_note");
        SesNote note = book.getNotes().get(0);
        assertThat(note.getText()).isEqualTo("dragons");
        assertThat(note.getBookId()).isEqualTo(book.getId());
        assertThat(note.getBook()).as("lazy=NOLOAD: never loaded, though the key is there").isNull();
        assertThat(db.takeSql()).isEmpty();
        assertThat(book.getAuthor().getName()).as("lazyload overrides JOINED: loaded on access").isEqualTo("tolkien");
        assertThat(db.statements()).as("the author's own books default (SELECTIN) applies to it")
            .containsExactly("SELECT ses_author", "SELECT ses_book");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void chainedOptionsLoadEachLevelTheirOwnWay(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      seedBooks(db);
      try (Session session = db.sessions.open()) {
        List<SesAuthor> authors = session.scalars(select(SesAuthor.class).where(SesAuthor_.name.eq("tolkien"))
            .options(joinedload(SesAuthor_.books).selectinload(SesBook_.notes))).all();
        List<String> sql = db.takeSql();
        assertThat(sql).extracting(SessionDb::shape).containsExactly("SELECT ses_author", "SELECT ses_note");
        assertThat(sql.get(0).toUpperCase()).contains("LEFT OUTER JOIN");
        SesAuthor tolkien = authors.get(0);
        assertThat(authors).hasSize(1);
        assertThat(tolkien.getBooks()).extracting(SesBook::getTitle).containsExactly("silmarillion", "the hobbit");
        assertThat(tolkien.getBooks().get(1).getNotes()).extracting(SesNote::getText).containsExactly("dragons");
        assertThat(tolkien.getBooks().get(0).getNotes()).isEmpty();
        assertThat(db.takeSql()).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void raiseloadAndNoloadOptionsEmitNoSqlOnAccess(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      seedUsers(db);
      try (Session session = db.sessions.open()) {
        SesUser sandy = session.scalars(select(SesUser.class).where(SesUser_.name.eq("sandy"))
            .options(raiseload(SesUser_.addresses))).one();
        db.takeSql();
        assertThatThrownBy(sandy::getAddresses).isInstanceOf(InvalidRequestError.class)
            .hasMessageContaining("raiseload(SesUser_.addresses)");
        assertThat(db.takeSql()).isEmpty();
      }
      try (Session session = db.sessions.open()) {
        SesUser sandy = session.scalars(select(SesUser.class).where(SesUser_.name.eq("sandy"))
            .options(noload(SesUser_.addresses))).one();
        db.takeSql();
        assertThat(sandy.getAddresses()).isEmpty();
        assertThat(db.takeSql()).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void rowsOfSeveralEntitiesAndColumns(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      seedUsers(db);
      try (Session session = db.sessions.open()) {
        var rows = session.execute(select(SesUser.class, SesAddress.class).join(SesUser_.addresses)
            .orderBy(SesAddress_.emailAddress)).all();
        assertThat(rows).hasSize(3);
        SesUser first = (SesUser) rows.get(0).get(0);
        assertThat(first.getName()).isEqualTo("sandy");
        assertThat(rows.get(1).get("SesUser")).as("one object per row of the database").isSameAs(first);
        assertThat(((SesAddress) rows.get(0).get(1)).getEmailAddress()).isEqualTo("a@sea.org");
        assertThat(((SesAddress) rows.get(0).get(1)).getUser()).isSameAs(first);
        assertThat(session.get(SesUser.class, first.getId())).isSameAs(first);

        var mixed = session.execute(select(SesUser.class, SesAddress_.emailAddress).join(SesUser_.addresses)
            .orderBy(SesAddress_.emailAddress)).all();
        assertThat(mixed.get(2).get(0)).isInstanceOf(SesUser.class);
        assertThat(mixed.get(2).get(SesAddress_.emailAddress)).isEqualTo("p@sea.org");

        var typed = session.execute(select(SesUser_.name, SesAddress_.emailAddress).join(SesUser_.addresses)
            .orderBy(SesAddress_.emailAddress)).all();
        assertThat(typed.get(0).get(SesUser_.name)).isEqualTo("sandy");
        assertThat(typed.get(0).get(1)).isEqualTo("a@sea.org");
      }
    }
  }

  @Test
  void misusedOptionsFailClearly() {
    try (SessionDb db = new SessionDb(TestDatabase.sqlite())) {
      try (Session session = db.sessions.open()) {
        assertThatThrownBy(() -> session.scalars(select(SesUser.class).options(selectinload(SesOrder_.lines))).all())
            .isInstanceOf(ArgumentError.class).hasMessageContaining("SesOrder").hasMessageContaining("does not return");
        assertThatThrownBy(() -> selectinload(SesUser_.addresses).selectinload(SesOrder_.lines))
            .isInstanceOf(ArgumentError.class).hasMessageContaining("leads to SesAddress");
        assertThatThrownBy(() -> session.scalars(select(SesUser.class).options(joinedload(SesUser_.addresses)).limit(2)).all())
            .isInstanceOf(InvalidRequestError.class).hasMessageContaining("use selectinload");
      }
    }
  }
}
