package org.jalchemy.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jalchemy.types.ValueCodec;
import org.jalchemy.types.internal.StandardCodecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The row readers written at run time read every kind of column as the loop over the columns does
 * (and as the codecs do): NULLs of integer columns stay null, not 0; a codec of its own is called;
 * one class serves every statement of a pattern. Read from a real H2 result set.
 */
class RowReadersTest {
  private static final ValueCodec<?>[] EVERY_KIND = {
    StandardCodecs.INTEGER, StandardCodecs.BIG_INTEGER, StandardCodecs.STRING, StandardCodecs.BOOLEAN, StandardCodecs.INTEGER
  };

  private Connection db;

  @BeforeEach
  void table() throws SQLException {
    db = DriverManager.getConnection("jdbc:h2:mem:rowreaders" + System.nanoTime());
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE t (pos INTEGER, i INTEGER, b BIGINT, s VARCHAR(20), f BOOLEAN, j INTEGER)");
      s.execute("INSERT INTO t VALUES (1, 7, 9000000000, 'seven', TRUE, -1)");
      s.execute("INSERT INTO t VALUES (2, 0, 0, '', FALSE, 0)");
      s.execute("INSERT INTO t VALUES (3, NULL, NULL, NULL, NULL, NULL)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  private List<List<Object>> readAll(RowReader reader, ValueCodec<?>[] codecs) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT i, b, s, f, j FROM t ORDER BY pos")) {
      while (rs.next()) {
        Object[] values = new Object[codecs.length];
        reader.read(rs, codecs, values);
        rows.add(Arrays.asList(values));
      }
    }
    return rows;
  }

  @Test
  void aWrittenReaderReadsEveryKindOfColumnAsTheLoopDoes() throws SQLException {
    RowReader written = RowReaders.forCodecs(EVERY_KIND);
    assertThat(written.getClass().isHidden()).as("a class written for the pattern").isTrue();

    List<List<Object>> rows = readAll(written, EVERY_KIND);

    assertThat(rows).containsExactly(
        Arrays.asList(7, 9_000_000_000L, "seven", true, -1),
        Arrays.asList(0, 0L, "", false, 0),
        Arrays.asList(null, null, null, null, null));
    assertThat(rows).isEqualTo(readAll(new RowReaders.Loop(RowReaders.readKinds(EVERY_KIND)), EVERY_KIND));
  }

  @Test
  void aCodecOfItsOwnIsCalledWithItsColumn() throws SQLException {
    ValueCodec<?> tagged = new ValueCodec<String>() {
      @Override
      public void bind(java.sql.PreparedStatement ps, int index, String value) {
        throw new UnsupportedOperationException();
      }

      @Override
      public String read(ResultSet rs, int index) throws SQLException {
        return "column " + index + ": " + rs.getString(index);
      }
    };
    ValueCodec<?>[] codecs = {StandardCodecs.INTEGER, StandardCodecs.BIG_INTEGER, tagged, StandardCodecs.BOOLEAN, StandardCodecs.INTEGER};

    List<List<Object>> rows = readAll(RowReaders.forCodecs(codecs), codecs);

    assertThat(rows.get(0).get(2)).isEqualTo("column 3: seven");
    assertThat(rows.get(2).get(2)).isEqualTo("column 3: null");
  }

  @Test
  void onePatternHasOneReaderAndAnotherPatternAnother() {
    RowReader first = RowReaders.forCodecs(EVERY_KIND);
    RowReader again = RowReaders.forCodecs(EVERY_KIND.clone());
    RowReader other = RowReaders.forCodecs(new ValueCodec<?>[] {StandardCodecs.STRING, StandardCodecs.INTEGER});

    assertThat(again).isSameAs(first);
    assertThat(other.getClass()).isNotEqualTo(first.getClass());
  }

  @Test
  void resultsOfMoreColumnsThanAReaderIsWrittenForAreReadByTheLoop() throws SQLException {
    ValueCodec<?>[] wide = new ValueCodec<?>[RowReaders.MAX_GENERATED_COLUMNS + 1];
    Arrays.fill(wide, StandardCodecs.INTEGER);

    RowReader reader = RowReaders.forCodecs(wide);

    assertThat(reader).isInstanceOf(RowReaders.Loop.class);
  }

  @Test
  void aFailingGetterReachesTheCallerAsTheDriverRaisedIt() throws SQLException {
    ValueCodec<?>[] tooMany = {StandardCodecs.INTEGER, StandardCodecs.INTEGER, StandardCodecs.INTEGER,
      StandardCodecs.INTEGER, StandardCodecs.INTEGER, StandardCodecs.INTEGER};
    RowReader reader = RowReaders.forCodecs(tooMany);
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT i, b, s, f, j FROM t")) {
      rs.next();
      // column 6 of a five-column result: the driver's own error, not a linkage error of the written class
      assertThatThrownBy(() -> reader.read(rs, tooMany, new Object[6])).isInstanceOf(SQLException.class);
    }
  }
}
