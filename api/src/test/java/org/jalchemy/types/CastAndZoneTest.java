package org.jalchemy.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.cast;
import static org.jalchemy.Jalchemy.insert;
import static org.jalchemy.Jalchemy.literal;
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
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** CAST to each type reads back as that type; date/time values do not depend on the JVM's zone. */
class CastAndZoneTest {

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void castTextToEachTypeReadsBackTyped(TestDatabase db) {
    try (Engine engine = db.engine(); Connection conn = engine.connect()) {
      assertThat(conn.execute(select(cast(literal("2024-05-01"), Types.DATE))).scalarOne()).isEqualTo(LocalDate.of(2024, 5, 1));
      assertThat(conn.execute(select(cast(literal("2024-05-01 12:30:00"), Types.DATETIME))).scalarOne())
          .isEqualTo(LocalDateTime.of(2024, 5, 1, 12, 30));
      assertThat(conn.execute(select(cast(literal("12:30:00"), Types.TIME))).scalarOne()).isEqualTo(LocalTime.of(12, 30));
      assertThat(conn.execute(select(cast(literal("1.10"), Types.numeric(10, 2)))).scalarOne()).isEqualTo(new BigDecimal("1.10"));
      assertThat(conn.execute(select(cast(literal(42), Types.string(10)))).scalarOne()).isEqualTo("42");
      assertThat(conn.execute(select(cast(literal("7"), Types.INTEGER))).scalarOne()).isEqualTo(7);
      assertThat(conn.execute(select(cast(literal("2.5"), Types.DOUBLE))).scalarOne()).isEqualTo(2.5);
      UUID u = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
      assertThat(conn.execute(select(cast(literal(u.toString()), Types.UUID))).scalarOne()).isEqualTo(u);
    }
  }

  /**
   * With the JVM in a zone that has DST, local date-times in the spring-forward gap and instants
   * still come back unchanged: no driver path goes through java.sql.Timestamp and the JVM zone.
   */
  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void valuesDoNotDependOnTheJvmZone(TestDatabase db) throws SQLException {
    TimeZone saved = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
    LocalDateTime gap = LocalDateTime.of(2024, 3, 31, 2, 30, 0, 123_456_000);     // does not exist in Berlin
    LocalDate day = LocalDate.of(2024, 3, 31);
    // 02:30 UTC is stored by MariaDB as UTC wall-clock time, which is in Berlin's gap too
    OffsetDateTime instant = OffsetDateTime.of(2024, 3, 31, 2, 30, 0, 0, ZoneOffset.UTC);
    MetaData md = new MetaData();
    Table t = md.table("ty_zone");
    Column<Integer> id = t.column("id", Types.INTEGER).primaryKey().autoincrement(false);
    Column<LocalDateTime> ts = t.column("ts", Types.DATETIME);
    Column<LocalDate> d = t.column("d", Types.DATE);
    Column<OffsetDateTime> tstz = t.column("tstz", Types.DATETIME_TZ);
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        conn.execute(insert(t).values(Map.of("id", 1, "ts", gap, "d", day, "tstz", instant)));
        conn.commit();
        var row = conn.execute(select(ts, d, tstz).where(id.eq(1))).one();
        assertThat(row.get(ts)).isEqualTo(gap);
        assertThat(row.get(d)).isEqualTo(day);
        assertThat(row.get(tstz).toInstant()).isEqualTo(instant.toInstant());
        // the stored text is the wall-clock time as given. Asked by the database, not the driver:
        // Connector/J's getString on a DATETIME shifts a DST-gap time through the JVM zone (03:30)
        String asText = db.name().equals("mariadb") ? "CAST(ts AS CHAR)" : db.name().equals("h2") ? "CAST(ts AS VARCHAR)" : "CAST(ts AS TEXT)";
        try (PreparedStatement ps = conn.jdbcConnection().prepareStatement("SELECT " + asText + " FROM ty_zone");
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getString(1)).startsWith("2024-03-31 02:30:00.123456");
        }
      } finally {
        md.dropAll(engine);
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }
}
