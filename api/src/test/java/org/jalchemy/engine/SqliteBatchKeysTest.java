package org.jalchemy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.insert;
import static org.jalchemy.Jalchemy.text;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SQLite reports only the last rowid of a batch; the keys of the other rows are worked out from
 * it. They must land on the right rows in the ordinary case and when something else changed rows
 * during the batch, and the batch must fail (not hand out wrong keys) where they cannot be known.
 */
class SqliteBatchKeysTest {
  private static final int ROWS = 300;

  private final MetaData md = new MetaData();
  private final Table notes = md.table("eng_sqlite_note");
  private final Column<Long> id = notes.column("id", Types.BIG_INTEGER).primaryKey();
  private final Column<String> body = notes.column("body", Types.string(40)).notNull();
  private Engine engine;

  @BeforeEach
  void freshTable() {
    engine = TestDatabase.sqlite().engine();
    md.dropAll(engine, true);
    md.createAll(engine);
    try (Connection conn = engine.connect()) {
      conn.execute(text("DROP TABLE IF EXISTS eng_sqlite_audit"));
      conn.execute(text("CREATE TABLE eng_sqlite_audit (note_id INTEGER)"));
      conn.commit();
    }
  }

  @AfterEach
  void close() {
    try (Connection conn = engine.connect()) {
      conn.execute(text("DROP TABLE IF EXISTS eng_sqlite_audit"));
      conn.commit();
    }
    md.dropAll(engine, true);
    engine.close();
  }

  private static List<Map<String, Object>> rows(String prefix) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(Map.of("body", prefix + i));
    }
    return rows;
  }

  private List<List<Object>> insertWithKeys(String prefix) {
    try (Connection conn = engine.connect()) {
      List<List<Object>> keys = conn.execute(insert(notes).withGeneratedKeys(), rows(prefix)).insertedPrimaryKeyRows();
      conn.commit();
      return keys;
    }
  }

  private Map<Long, String> stored() throws Exception {
    Map<Long, String> rows = new HashMap<>();
    try (Connection conn = engine.connect(); Statement st = conn.jdbcConnection().createStatement();
        ResultSet rs = st.executeQuery("SELECT id, body FROM eng_sqlite_note")) {
      while (rs.next()) {
        rows.put(rs.getLong(1), rs.getString(2));
      }
    }
    return rows;
  }

  private void assertKeysMatchRows(List<List<Object>> keys, String prefix) throws Exception {
    Map<Long, String> stored = stored();
    assertThat(keys).hasSize(ROWS);
    for (int i = 0; i < ROWS; i++) {
      assertThat(stored.get(((Number) keys.get(i).get(0)).longValue())).as("row %d by its key", i).isEqualTo(prefix + i);
    }
  }

  @Test
  void keysLandOnTheirRowsAfterRowsDeletedAtTheTop() throws Exception {
    insertWithKeys("first ");
    try (Connection conn = engine.connect()) {
      conn.execute(text("DELETE FROM eng_sqlite_note WHERE id > 100")); // the next rowid is 101 again
      conn.commit();
    }
    List<List<Object>> keys = insertWithKeys("second ");

    assertThat(keys.get(0)).containsExactly(101L);
    assertKeysMatchRows(keys, "second ");
  }

  @Test
  void aTriggerChangingAnotherTableStillGivesTheRightKeys() throws Exception {
    try (Connection conn = engine.connect()) {
      conn.execute(text("CREATE TRIGGER eng_sqlite_note_audit AFTER INSERT ON eng_sqlite_note "
          + "BEGIN INSERT INTO eng_sqlite_audit VALUES (NEW.id); END"));
      conn.commit();
    }
    List<List<Object>> keys = insertWithKeys("audited ");

    assertKeysMatchRows(keys, "audited ");
  }

  @Test
  void aTriggerInsertingIntoTheSameTableFailsTheBatchAndKeepsNothing() throws Exception {
    try (Connection conn = engine.connect()) {
      conn.execute(text("CREATE TRIGGER eng_sqlite_note_echo AFTER INSERT ON eng_sqlite_note WHEN NEW.body NOT LIKE 'echo%' "
          + "BEGIN INSERT INTO eng_sqlite_note (body) VALUES ('echo ' || NEW.id); END"));
      conn.commit();
    }
    try (Connection conn = engine.connect()) {
      assertThatThrownBy(() -> conn.execute(insert(notes).withGeneratedKeys(), rows("doubled ")))
          .isInstanceOf(InvalidRequestError.class).hasMessageContaining("consecutive rowids")
          .hasMessageContaining("eng_sqlite_note");
      conn.rollback();
    }
    assertThat(stored()).isEmpty();
  }

  @Test
  void rowidsChosenAtRandomAtTheTopOfTheRangeFailTheBatch() throws Exception {
    try (Connection conn = engine.connect()) {
      conn.execute(text("INSERT INTO eng_sqlite_note (id, body) VALUES (9223372036854775807, 'top')"));
      conn.commit();
    }
    try (Connection conn = engine.connect()) {
      assertThatThrownBy(() -> conn.execute(insert(notes).withGeneratedKeys(), rows("random ")))
          .isInstanceOf(InvalidRequestError.class).hasMessageContaining("consecutive rowids");
      conn.rollback();
    }
    assertThat(stored()).containsOnlyKeys(Long.MAX_VALUE);
  }
}
