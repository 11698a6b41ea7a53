package org.jalchemy.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.insert;
import static org.jalchemy.Jalchemy.inspect;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.engine.Connection;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.session.model.SesAddress;
import org.jalchemy.orm.session.model.SesUser;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows whose keys the database generates are batched where the driver reports every row's key
 * (PostgreSQL, H2, MariaDB): one executemany per table, each key landing in its own object.
 * SQLite, embedded, inserts them one statement each.
 */
class FlushBatchingTest {

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void generatedKeysOfABatchLandInTheRightObjects(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb); Session session = db.sessions.open()) {
      List<SesUser> users = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        SesUser u = new SesUser("user" + i, "User " + i);
        u.getAddresses().add(new SesAddress("a" + i + "@sea.org"));
        u.getAddresses().add(new SesAddress("b" + i + "@sea.org"));
        users.add(u);
      }
      session.addAll(users);
      session.commit();
      List<String> statements = db.statements();
      if (db.engine.dialect().batchReturnsGeneratedKeys()) {
        assertThat(statements).containsExactly("INSERT ses_user", "INSERT ses_address");
        assertThat(db.batchSizes).containsExactly(50, 100);
      } else {
        assertThat(statements).hasSize(150);
      }
      Map<Long, String> names = new HashMap<>();
      for (List<Object> row : db.rows("SELECT id, name FROM ses_user")) {
        names.put((Long) row.get(0), (String) row.get(1));
      }
      for (SesUser u : users) {
        assertThat(inspect(u).state()).isEqualTo(ObjectState.PERSISTENT);
        assertThat(names.get((long) u.getId())).as("the key in the object is its row's").isEqualTo(u.getName());
      }
      Map<String, Long> ownerOfAddress = new HashMap<>();
      for (List<Object> row : db.rows("SELECT email_address, user_id FROM ses_address")) {
        ownerOfAddress.put((String) row.get(0), (Long) row.get(1));
      }
      for (SesUser u : users) {
        for (SesAddress a : u.getAddresses()) {
          assertThat(ownerOfAddress.get(a.getEmailAddress())).as("foreign key from the parent's generated key")
              .isEqualTo((long) u.getId());
          assertThat(session.get(SesAddress.class, a.getId())).isSameAs(a);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void updatesOfTheSameColumnsAreOneExecutemanyWithTheVersionChecked(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb); Session session = db.sessions.open()) {
      List<org.jalchemy.orm.session.model.SesItem> items = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        items.add(new org.jalchemy.orm.session.model.SesItem("item" + i, i));
      }
      session.addAll(items);
      session.commit();
      items.forEach(it -> it.setLabel(it.getLabel() + "!"));
      db.takeSql();
      db.batchSizes.clear();
      session.commit();
      assertThat(db.statements()).containsExactly("UPDATE ses_item");
      assertThat(db.batchSizes).containsExactly(3);
      assertThat(db.rows("SELECT label, version FROM ses_item ORDER BY label"))
          .containsExactly(List.of("item0!", 2L), List.of("item1!", 2L), List.of("item2!", 2L));

      items.forEach(it -> it.setQuantity(it.getQuantity() + 10));
      db.exec("UPDATE ses_item SET version = version + 1 WHERE label = 'item1!'"); // someone else's change
      org.assertj.core.api.Assertions.assertThatThrownBy(session::commit)
          .isInstanceOf(org.jalchemy.orm.StaleDataError.class).hasMessageContaining("matched 2 row(s), expected 3");
      session.rollback();
      assertThat(db.rows("SELECT quantity FROM ses_item ORDER BY label")).as("nothing of the failed batch stays")
          .containsExactly(List.of(0L), List.of(1L), List.of(2L));
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void coreExecutemanyReportsTheKeyOfEveryRow(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb); Connection conn = db.engine.connect()) {
      Table users = org.jalchemy.orm.Mapper.of(SesUser.class).table();
      List<Map<String, Object>> rows = List.of(Map.of("name", "x"), Map.of("name", "y"), Map.of("name", "z"));
      List<List<Object>> keys = conn.execute(insert(users), rows).insertedPrimaryKeyRows();
      conn.commit();
      if (!db.engine.dialect().batchReturnsGeneratedKeys()) {
        assertThat(keys).isNull();
        return;
      }
      assertThat(keys).hasSize(3);
      for (int i = 0; i < 3; i++) {
        assertThat(db.rows("SELECT name FROM ses_user WHERE id = " + keys.get(i).get(0)))
            .containsExactly(List.of(rows.get(i).get("name")));
      }
    }
  }
}
