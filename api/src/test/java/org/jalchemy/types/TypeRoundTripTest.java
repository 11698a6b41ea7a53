package org.jalchemy.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.insert;
import static org.jalchemy.Jalchemy.select;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.result.Row;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values of every type stored and read back on every database, through jalchemy and through plain
 * JDBC (to prove what the database actually holds). The documented limits are in docs/types.md.
 */
class TypeRoundTripTest {

  /** Reads one column of table {@code table} ordered by id, bypassing jalchemy's codecs. */
  private static <T> List<T> jdbc(Connection conn, String sql, Function<ResultSet, T> read) throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement ps = conn.jdbcConnection().prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(read.apply(rs));
      }
    }
    return out;
  }

  private static String str(ResultSet rs, int i) {
    try {
      return rs.getString(i);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stores {@code values} in a one-column table of {@code type}, reads them back in order. */
  private static <T> List<T> roundTrip(Engine engine, String table, SqlType<T> type, List<T> values,
      SqlCheck check) throws SQLException {
    MetaData md = new MetaData();
    Table t = md.table(table);
    Column<Integer> id = t.column("id", Types.INTEGER).primaryKey().autoincrement(false);
    Column<T> v = t.column("v", type);
    md.dropAll(engine);
    md.createAll(engine);
    try (Connection conn = engine.connect()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", i);
        row.put("v", values.get(i));
        rows.add(row);
      }
      // one row at a time and as a batch: both paths bind through the codec
      conn.execute(insert(t).values(rows.get(0)));
      if (rows.size() > 1) {
        conn.execute(insert(t), rows.subList(1, rows.size()));
      }
      conn.commit();
      List<T> back = conn.execute(select(v).orderBy(id)).scalars().all();
      if (check != null) {
        check.accept(conn);
      }
      return back;
    } finally {
      md.dropAll(engine);
    }
  }

  /** A look at the stored values with plain JDBC. */
  @FunctionalInterface
  interface SqlCheck {
    void accept(Connection conn) throws SQLException;
  }

  private static <T> List<T> withNull(List<T> values) {
    List<T> all = new ArrayList<>(values);
    all.add(null);
    return all;
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void integers(TestDatabase db) throws SQLException {
    try (Engine engine = db.engine()) {
      List<Integer> ints = withNull(List.of(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE));
      assertThat(roundTrip(engine, "ty_int", Types.INTEGER, ints, null)).containsExactlyElementsOf(ints);
      List<Long> longs = withNull(List.of(0L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 53 | 1));
      assertThat(roundTrip(engine, "ty_bigint", Types.BIG_INTEGER, longs, null)).containsExactlyElementsOf(longs);
      List<Short> shorts = withNull(List.of((short) 0, Short.MAX_VALUE, Short.MIN_VALUE));
      assertThat(roundTrip(engine, "ty_smallint", Types.SMALL_INTEGER, shorts, null)).containsExactlyElementsOf(shorts);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void unicodeStrings(TestDatabase db) throws SQLException {
    List<String> values = withNull(List.of(
        "",
        "plain ascii",
        "emoji 😀👍🏽👨‍👩‍👧",                       // astral plane, skin tone modifier, ZWJ sequence
        "CJK 漢字かなカナ한국어",
        "combining e\u0301 vs \u00e9",               // not normalised: both forms come back as sent
        "RTL עברית العربية",
        "\u200b\ufeff zero width",
        " leading and trailing spaces  ",
        "tab\tnewline\ncr\r"));
    try (Engine engine = db.engine()) {
      assertThat(roundTrip(engine, "ty_string", Types.string(100), values, conn ->
          assertThat(jdbc(conn, "SELECT v FROM ty_string ORDER BY id", rs -> str(rs, 1))).containsExactlyElementsOf(values)))
          .containsExactlyElementsOf(values);
      assertThat(roundTrip(engine, "ty_text", Types.TEXT, values, null)).containsExactlyElementsOf(values);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void booleansAndEnums(TestDatabase db) throws SQLException {
    try (Engine engine = db.engine()) {
      List<Boolean> bools = withNull(List.of(true, false));
      assertThat(roundTrip(engine, "ty_bool", Types.BOOLEAN, bools, null)).containsExactlyElementsOf(bools);
      List<Mood> moods = withNull(List.of(Mood.HAPPY, Mood.SAD, Mood.IN_BETWEEN));
      assertThat(roundTrip(engine, "ty_enum", Types.enumOf(Mood.class), moods, conn ->
          assertThat(jdbc(conn, "SELECT v FROM ty_enum ORDER BY id", rs -> str(rs, 1)))
              .containsExactly("HAPPY", "SAD", "IN_BETWEEN", null)))
          .containsExactlyElementsOf(moods);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void numericKeepsScaleAndPrecision(TestDatabase db) throws SQLException {
    boolean sqlite = db.name().equals("sqlite");
    try (Engine engine = db.engine()) {
      List<BigDecimal> money = withNull(List.of(new BigDecimal("1.10"), new BigDecimal("0.00"),
          new BigDecimal("-99999999.99"), new BigDecimal("12345678.91")));
      assertThat(roundTrip(engine, "ty_num", Types.numeric(10, 2), money, null)).containsExactlyElementsOf(money);
      // 38 significant digits where the database has exact decimals; SQLite keeps 15 (NUMERIC affinity)
      List<BigDecimal> big = sqlite
          ? withNull(List.of(new BigDecimal("12345.1234567890"), new BigDecimal("-99999.9999999999"),
              new BigDecimal("0.0000000001")))
          : withNull(List.of(new BigDecimal("1234567890123456789012345678.1234567890"),
              new BigDecimal("-9999999999999999999999999999.9999999999"), new BigDecimal("0.0000000001")));
      assertThat(roundTrip(engine, "ty_num_big", Types.numeric(38, 10), big, null)).containsExactlyElementsOf(big);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void floatingPoint(TestDatabase db) throws SQLException {
    // MySQL/MariaDB have no NaN or infinities; SQLite turns NaN into NULL (see docs/types.md)
    boolean specials = db.name().equals("h2") || db.name().equals("postgresql");
    try (Engine engine = db.engine()) {
      List<Double> doubles = new ArrayList<>(List.of(0.0, 1.5, -2.25, Math.PI, Double.MAX_VALUE, -Double.MAX_VALUE,
          Double.MIN_NORMAL, 1e-300, 123456789.123456789));
      if (specials) {
        doubles.addAll(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
      }
      doubles.add(null);
      assertThat(roundTrip(engine, "ty_double", Types.DOUBLE, doubles, null)).containsExactlyElementsOf(doubles);
      List<Float> floats = new ArrayList<>(List.of(0.0f, 1.5f, -2.25f, (float) Math.PI, Float.MAX_VALUE,
          -Float.MAX_VALUE, Float.MIN_NORMAL, 1.17549435e-37f));
      if (specials) {
        floats.addAll(List.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));
      }
      floats.add(null);
      assertThat(roundTrip(engine, "ty_float", Types.FLOAT, floats, null)).containsExactlyElementsOf(floats);
    }
  }

  /** NaN and infinities where the database cannot hold them: what happens is stable and documented. */
  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void floatSpecialsWhereUnsupported(TestDatabase db) throws SQLException {
    try (Engine engine = db.engine()) {
      if (db.name().equals("sqlite")) {
        // SQLite stores infinities as REAL, but NaN becomes NULL
        List<Double> back = roundTrip(engine, "ty_double_nan", Types.DOUBLE,
            List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY), null);
        assertThat(back).containsExactly(null, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
      } else if (db.name().equals("mariadb")) {
        for (double special : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
          org.assertj.core.api.Assertions.assertThatThrownBy(
                  () -> roundTrip(engine, "ty_double_nan", Types.DOUBLE, List.of(special), null))
              .as("%s", special).isInstanceOf(org.jalchemy.exc.DBAPIError.class);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void datesAndTimes(TestDatabase db) throws SQLException {
    try (Engine engine = db.engine()) {
      // 0001-01-01 .. 9999-12-31: the range every one of the four databases and java.time share
      List<LocalDate> dates = withNull(List.of(LocalDate.of(2024, 2, 29), LocalDate.of(1, 1, 1),
          LocalDate.of(9999, 12, 31), LocalDate.of(1970, 1, 1), LocalDate.of(1582, 10, 15)));
      assertThat(roundTrip(engine, "ty_date", Types.DATE, dates, null)).containsExactlyElementsOf(dates);
      List<LocalTime> times = withNull(List.of(LocalTime.of(0, 0), LocalTime.of(23, 59, 59, 999_999_000),
          LocalTime.of(12, 30, 0, 123_456_000), LocalTime.of(1, 2, 3, 1_000)));
      assertThat(roundTrip(engine, "ty_time", Types.TIME, times, null)).containsExactlyElementsOf(times);
      List<LocalDateTime> stamps = withNull(List.of(LocalDateTime.of(2024, 5, 1, 12, 30, 0, 123_456_000),
          LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
          LocalDateTime.of(2024, 3, 31, 2, 30, 0, 1_000)));   // a local time skipped by DST in Europe
      assertThat(roundTrip(engine, "ty_datetime", Types.DATETIME, stamps, null)).containsExactlyElementsOf(stamps);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void timestampWithTimeZoneKeepsTheInstant(TestDatabase db) throws SQLException {
    List<OffsetDateTime> values = withNull(List.of(
        OffsetDateTime.of(2024, 5, 1, 12, 30, 0, 123_456_000, ZoneOffset.ofHours(2)),
        OffsetDateTime.of(2024, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.ofHoursMinutes(-9, -30)),
        OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 1_000, ZoneOffset.UTC),
        OffsetDateTime.of(2024, 6, 1, 0, 0, 0, 0, ZoneOffset.ofHours(14))));
    // H2 and SQLite keep the offset as written; PostgreSQL and MariaDB normalise to UTC
    boolean keepsOffset = db.name().equals("h2") || db.name().equals("sqlite");
    try (Engine engine = db.engine()) {
      List<OffsetDateTime> back = roundTrip(engine, "ty_tstz", Types.DATETIME_TZ, values, conn -> {
        if (db.name().equals("mariadb")) {
          // stored as UTC wall-clock time in DATETIME(6)
          assertThat(jdbc(conn, "SELECT v FROM ty_tstz ORDER BY id", rs -> str(rs, 1)).get(0))
              .startsWith("2024-05-01 10:30:00.123456");
        }
      });
      for (int i = 0; i < values.size(); i++) {
        OffsetDateTime sent = values.get(i);
        OffsetDateTime got = back.get(i);
        if (sent == null) {
          assertThat(got).isNull();
          continue;
        }
        assertThat(got.toInstant()).as("instant of %s", sent).isEqualTo(sent.toInstant());
        assertThat(got.getOffset()).as("offset of %s", sent).isEqualTo(keepsOffset ? sent.getOffset() : ZoneOffset.UTC);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void binary(TestDatabase db) throws SQLException {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    byte[] big = new byte[1 << 20];
    new java.util.Random(42).nextBytes(big);
    List<byte[]> values = withNull(List.of(all, new byte[0], new byte[] {0}, big));
    try (Engine engine = db.engine()) {
      List<byte[]> back = roundTrip(engine, "ty_binary", Types.LARGE_BINARY, values, conn -> {
        List<byte[]> raw = jdbc(conn, "SELECT v FROM ty_binary ORDER BY id", rs -> {
          try {
            return rs.getBytes(1);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
        assertThat(raw.get(0)).isEqualTo(all);
        assertThat(raw.get(1)).isEmpty();
      });
      assertThat(back).hasSize(values.size());
      for (int i = 0; i < values.size(); i++) {
        assertThat(back.get(i)).as("binary #%d", i).isEqualTo(values.get(i));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void uuid(TestDatabase db) throws SQLException {
    List<UUID> values = withNull(List.of(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), UUID.randomUUID(),
        new UUID(0, 0), new UUID(-1, -1)));
    try (Engine engine = db.engine()) {
      assertThat(roundTrip(engine, "ty_uuid", Types.UUID, values, conn ->
          assertThat(jdbc(conn, "SELECT v FROM ty_uuid ORDER BY id", rs -> str(rs, 1)).get(0))
              .isEqualTo("123e4567-e89b-12d3-a456-426614174000")))
          .containsExactlyElementsOf(values);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void json(TestDatabase db) throws SQLException {
    String compact = "{\"a\":1,\"b\":[true,null,\"x\"],\"u\":\"😀 漢字\"}";
    String spaced = "{ \"a\" : 1,\n  \"b\" : [ 1.5, \"q\\\"uote\" ] }";
    List<String> values = withNull(List.of(compact, spaced, "[]", "\"just a string\"", "42", "null"));
    try (Engine engine = db.engine()) {
      List<String> back = roundTrip(engine, "ty_json", Types.JSON, values, conn -> {
        if (db.name().equals("h2")) {
          // stored as a JSON document (not a JSON string holding the text)
          assertThat(jdbc(conn, "SELECT v IS JSON OBJECT FROM ty_json ORDER BY id", rs -> str(rs, 1)))
              .containsExactly("TRUE", "TRUE", "FALSE", "FALSE", "FALSE", "FALSE", null);
        }
        if (db.name().equals("postgresql")) {
          assertThat(jdbc(conn, "SELECT json_typeof(v) FROM ty_json ORDER BY id", rs -> str(rs, 1)))
              .containsExactly("object", "object", "array", "string", "number", "null", null);
        }
      });
      if (db.name().equals("h2")) {
        // H2 parses the document and hands back its compact form: whitespace between tokens is gone
        assertThat(back).containsExactly(compact, "{\"a\":1,\"b\":[1.5,\"q\\\"uote\"]}", "[]", "\"just a string\"",
            "42", "null", null);
      } else {
        // the others keep the text as sent (PostgreSQL JSON, not JSONB; MariaDB's JSON is LONGTEXT)
        assertThat(back).containsExactlyElementsOf(values);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void numericWithoutPrecision(TestDatabase db) throws SQLException {
    List<BigDecimal> values = withNull(List.of(new BigDecimal("1.10"), new BigDecimal("123.456"),
        new BigDecimal("-7"), new BigDecimal("0.0000000001"), new BigDecimal("100")));
    try (Engine engine = db.engine()) {
      List<BigDecimal> back = roundTrip(engine, "ty_num_free", Types.NUMERIC, values, null);
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i) == null) {
          assertThat(back.get(i)).isNull();
        } else {
          assertThat(back.get(i)).as("value #%d", i).isEqualByComparingTo(values.get(i));
        }
      }
      if (db.name().equals("postgresql")) {
        assertThat(back).containsExactlyElementsOf(values);   // unconstrained NUMERIC keeps the scale as sent
      }
      if (db.name().equals("h2") || db.name().equals("sqlite")) {
        // DECFLOAT / NUMERIC affinity keep the value, not trailing zeros; numeric(p, s) keeps a scale
        assertThat(back.get(0)).isEqualTo(new BigDecimal("1.1"));
        assertThat(back.get(4)).isEqualTo(new BigDecimal("100"));
      }
      if (db.name().equals("mariadb")) {
        assertThat(back.get(0)).isEqualTo(new BigDecimal("1.1000000000"));   // DECIMAL(38, 10)
      }
    }
  }

  /** What the database itself holds, asked in its own SQL: the storage choices docs/types.md names. */
  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void storedForms(TestDatabase db) throws SQLException {
    MetaData md = new MetaData();
    Table t = md.table("ty_stored");
    t.column("id", Types.INTEGER).primaryKey().autoincrement(false);
    t.column("b", Types.BOOLEAN);
    t.column("d", Types.DATE);
    t.column("ts", Types.DATETIME);
    t.column("tstz", Types.DATETIME_TZ);
    t.column("u", Types.UUID);
    t.column("n", Types.numeric(10, 2));
    t.column("j", Types.JSON);
    Map<String, Object> row = new HashMap<>();
    row.put("id", 1);
    row.put("b", true);
    row.put("d", LocalDate.of(2024, 5, 1));
    row.put("ts", LocalDateTime.of(2024, 5, 1, 12, 30, 0, 123_456_000));
    row.put("tstz", OffsetDateTime.of(2024, 5, 1, 12, 30, 0, 0, ZoneOffset.ofHours(2)));
    row.put("u", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    row.put("n", new BigDecimal("1.10"));
    row.put("j", "{ \"a\" : 1 }");
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        conn.execute(insert(t).values(row));
        conn.commit();
        switch (db.name()) {
          case "sqlite" -> {
            assertThat(jdbc(conn, "SELECT typeof(b) || ' ' || b, typeof(d) || ' ' || d, typeof(ts) || ' ' || ts,"
                + " tstz, typeof(u), typeof(n) || ' ' || n, j FROM ty_stored", TypeRoundTripTest::allColumns).get(0))
                .containsExactly("integer 1", "text 2024-05-01", "text 2024-05-01 12:30:00.123456",
                    "2024-05-01 12:30:00+02:00", "text", "real 1.1", "{ \"a\" : 1 }");
          }
          case "postgresql" -> {
            assertThat(jdbc(conn, "SELECT pg_typeof(u)::text, tstz AT TIME ZONE 'UTC', j::text, n::text FROM ty_stored",
                TypeRoundTripTest::allColumns).get(0))
                .containsExactly("uuid", "2024-05-01 10:30:00", "{ \"a\" : 1 }", "1.10");
          }
          case "mariadb" -> {
            assertThat(jdbc(conn, "SELECT CAST(b AS CHAR), CAST(tstz AS CHAR), u, j, CAST(n AS CHAR) FROM ty_stored",
                TypeRoundTripTest::allColumns).get(0))
                .containsExactly("1", "2024-05-01 10:30:00.000000", "123e4567-e89b-12d3-a456-426614174000", "{ \"a\" : 1 }", "1.10");
          }
          case "h2" -> {
            assertThat(jdbc(conn, "SELECT CAST(tstz AS VARCHAR), CAST(u AS VARCHAR), CAST(j AS VARCHAR), CAST(n AS VARCHAR) FROM ty_stored",
                TypeRoundTripTest::allColumns).get(0))
                .containsExactly("2024-05-01 12:30:00+02", "123e4567-e89b-12d3-a456-426614174000", "{\"a\":1}", "1.10");
          }
          default -> throw new AssertionError(db.name());
        }
      } finally {
        md.dropAll(engine);
      }
    }
  }

  private static List<String> allColumns(ResultSet rs) {
    try {
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        out.add(rs.getString(i));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
