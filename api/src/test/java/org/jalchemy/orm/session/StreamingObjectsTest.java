package org.jalchemy.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.joinedload;
import static org.jalchemy.Jalchemy.select;
import static org.jalchemy.Jalchemy.selectinload;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.Mapper;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.session.model.SesAddress;
import org.jalchemy.orm.session.model.SesItem;
import org.jalchemy.orm.session.model.SesUser;
import org.jalchemy.orm.session.model.SesUser_;
import org.jalchemy.result.Result;
import org.jalchemy.schema.Column;
import org.jalchemy.sql.ExecutionOptions;
import org.jalchemy.sql.Select;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code session.scalars(select(User.class).executionOptions(yieldPer(n)))} loads each object as
 * its row is read, as SQLAlchemy's {@code yield_per} does: objects of rows not read yet are not in
 * the session, and what is read goes through the identity map like any load.
 */
class StreamingObjectsTest {
  private static final int ROWS = 2_000;

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void yieldPerLoadsEachObjectAsItsRowIsRead(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      List<Integer> ids = insertItems(db);
      @SuppressWarnings("unchecked")
      Column<Integer> id = (Column<Integer>) Mapper.of(SesItem.class).table().c("id");
      Select<SesItem> all = select(SesItem.class).orderBy(id);
      int lastId = ids.get(ids.size() - 1);

      try (Session session = db.sessions.open();
          Result<SesItem> streamed = session.scalars(all.executionOptions(ExecutionOptions.yieldPer(100)))) {
        Iterator<SesItem> it = streamed.iterator();
        SesItem first = it.next();
        assertThat(first.getId()).isEqualTo(ids.get(0));
        db.takeSql();
        // The last row is not read yet: its object is not in the session, so get() asks the database.
        SesItem last = session.get(SesItem.class, lastId);
        assertThat(db.statements()).containsExactly("SELECT ses_item");
        List<SesItem> rest = new ArrayList<>();
        it.forEachRemaining(rest::add);
        assertThat(rest).hasSize(ROWS - 1);
        assertThat(rest.get(rest.size() - 1)).as("the identity map gives the streamed row the object get() loaded")
            .isSameAs(last);
        assertThat(rest).extracting(SesItem::getLabel).startsWith("item 1", "item 2").endsWith("item " + (ROWS - 1));
      }

      // Control: without yieldPer every object is loaded before the first is returned.
      try (Session session = db.sessions.open()) {
        Iterator<SesItem> it = session.scalars(all).iterator();
        it.next();
        db.takeSql();
        session.get(SesItem.class, lastId);
        assertThat(db.statements()).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void aStreamedResultReadWithAllOrClosedEarlyEndsItsCursor(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      insertItems(db);
      Select<SesItem> streaming = select(SesItem.class).executionOptions(ExecutionOptions.yieldPer(100));
      try (Session session = db.sessions.open()) {
        assertThat(session.scalars(streaming).all()).hasSize(ROWS).doesNotContainNull();
        try (Result<SesItem> r = session.scalars(streaming)) {
          r.iterator().next();
        } // closed after one row: the connection goes on
        assertThat(session.scalars(streaming).all()).hasSize(ROWS);
        session.commit();

        // A commit while streaming ends the cursor: the next read says so instead of ending short.
        Iterator<SesItem> it = session.scalars(streaming).iterator();
        it.next();
        session.commit();
        assertThatThrownBy(it::hasNext).isInstanceOf(InvalidRequestError.class).hasMessageContaining("commit()");
      }
    }
  }

  /**
   * With {@code selectinload}, {@code yieldPer(n)} loads n objects, then their collections with one
   * {@code SELECT … IN} for those n, then hands them out: the next batch's parents and children are
   * not read until the reader reaches them, and every collection holds exactly its rows.
   */
  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void yieldPerWithSelectinloadLoadsEachBatchsCollectionsWithOneSelect(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      int users = 25;
      try (Session session = db.sessions.open()) {
        for (int i = 0; i < users; i++) {
          SesUser u = new SesUser(String.format("user %02d", i), null);
          for (int j = 0; j < i % 3; j++) {
            u.getAddresses().add(new SesAddress("u" + i + "." + j + "@sea.org"));
          }
          session.add(u);
        }
        session.commit();
      }
      db.takeSql();
      Select<SesUser> streamed = select(SesUser.class).options(selectinload(SesUser_.addresses)).orderBy(SesUser_.name)
          .executionOptions(ExecutionOptions.yieldPer(10));
      try (Session session = db.sessions.open(); Result<SesUser> result = session.scalars(streamed)) {
        Iterator<SesUser> it = result.iterator();
        List<SesUser> read = new ArrayList<>();
        read.add(it.next());
        List<String> first = db.takeSql();
        assertThat(first).extracting(SessionDb::shape).containsExactly("SELECT ses_user", "SELECT ses_address");
        assertThat(first.get(1).toUpperCase()).contains(" IN (");
        for (int i = 1; i < 10; i++) {
          read.add(it.next());
        }
        assertThat(db.takeSql()).as("the rest of the first batch is in memory").isEmpty();
        read.add(it.next());
        assertThat(db.statements()).as("the second batch's collections, when it is reached").containsExactly("SELECT ses_address");
        it.forEachRemaining(read::add);
        assertThat(db.statements()).containsExactly("SELECT ses_address");
        assertThat(read).extracting(SesUser::getName).hasSize(users).isSorted();
        for (SesUser u : read) {
          int i = Integer.parseInt(u.getName().substring(5));
          assertThat(u.getAddresses()).extracting(SesAddress::getEmailAddress).as(u.getName())
              .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, i % 3)
                  .mapToObj(j -> "u" + i + "." + j + "@sea.org").toList());
        }
        assertThat(db.takeSql()).as("nothing loads on access").isEmpty();
      }

      // joinedload still loads the whole result at once (the joined rows of one parent may span batches)
      try (Session session = db.sessions.open()) {
        Iterator<SesUser> it = session.scalars(select(SesUser.class).options(joinedload(SesUser_.addresses))
            .executionOptions(ExecutionOptions.yieldPer(10))).iterator();
        it.next();
        db.takeSql();
        it.forEachRemaining(u -> { });
        assertThat(db.takeSql()).isEmpty();
      }
    }
  }

  private static List<Integer> insertItems(SessionDb db) {
    List<SesItem> items = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      items.add(new SesItem("item " + i, i));
    }
    List<Integer> ids = new ArrayList<>();
    try (Session session = db.sessions.open()) {
      session.addAll(items);
      session.flush(); // the keys, read before commit expires the objects
      for (SesItem item : items) {
        ids.add(item.getId());
      }
      session.commit();
    }
    return ids;
  }
}
