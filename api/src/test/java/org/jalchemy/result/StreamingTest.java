package org.jalchemy.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.*;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.ExecutionOptions;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.Select;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.api.Test;

/**
 * {@code yieldPer(n)} streams: rows are produced by the database while the application reads,
 * not all before it sees the first. Each database is asked to prove it with a value computed per
 * row as the row is produced: a clock (PostgreSQL, MariaDB) or a counting function (SQLite, H2).
 */
public class StreamingTest {
  private static final int SERVER_ROWS = 200_000;
  private static final int EMBEDDED_ROWS = 50_000;
  private static final Duration PAUSE = Duration.ofMillis(1500);
  private static final AtomicInteger TICKS = new AtomicInteger();

  /**
   * Called by H2 once per row produced. Declared DETERMINISTIC (and given the row's id so it is
   * still called per row), as H2 computes queries calling non-deterministic functions eagerly.
   */
  public static int tick(int rowId) {
    return tick();
  }

  /** Counts rows produced. */
  public static int tick() {
    return TICKS.incrementAndGet();
  }

  private final MetaData md = new MetaData();
  private final Table big = md.table("eng_stream_big");
  private final Column<Integer> id = big.column("id", Types.INTEGER).primaryKey().autoincrement(false);
  private final Column<String> pad = big.column("pad", Types.string(200));

  private Engine fill(TestDatabase db, String insertSql) {
    Engine engine = db.engine();
    md.dropAll(engine);
    md.createAll(engine);
    try (Connection conn = engine.connect()) {
      conn.execute(text(insertSql));
      conn.commit();
    }
    return engine;
  }

  /**
   * Reads the first row, pauses, reads the rest; answers how far apart the first and the last
   * row were produced and how many rows came.
   */
  private static long[] readWithPause(Connection conn, Select<?> query, Expression<? extends Temporal> clock)
      throws InterruptedException {
    try (var result = conn.execute(query)) {
      Iterator<Row> it = result.iterator();
      Row first = it.next();
      TimeUnit.MILLISECONDS.sleep(PAUSE.toMillis());
      Row last = first;
      long n = 1;
      while (it.hasNext()) {
        last = it.next();
        n++;
      }
      Temporal a = first.get(clock);
      Temporal b = last.get(clock);
      return new long[] {a.until(b, ChronoUnit.MILLIS), n};
    }
  }

  @Test
  void postgresqlProducesRowsAsTheyAreRead() throws Exception {
    TestDatabase db = TestDatabase.postgresql();
    db.requireReachable();
    try (Engine engine =
        fill(db, "insert into eng_stream_big (id, pad) select g, repeat('x', 200) from generate_series(1, " + SERVER_ROWS + ") g")) {
      var clock = func.named("clock_timestamp", Types.DATETIME_TZ).label("produced");
      try (Connection conn = engine.connect()) {
        Select<?> query = select(id, pad, clock).orderBy(id);
        long[] streamed = readWithPause(conn, query.executionOptions(ExecutionOptions.yieldPer(1000)), clock);
        assertThat(streamed[1]).isEqualTo(SERVER_ROWS);
        assertThat(streamed[0]).as("last row produced after the pause").isGreaterThanOrEqualTo(PAUSE.toMillis());
        // Control: without yieldPer the driver reads everything first, so every row predates the pause.
        long[] buffered = readWithPause(conn, query, clock);
        assertThat(buffered[1]).isEqualTo(SERVER_ROWS);
        assertThat(buffered[0]).isLessThan(PAUSE.toMillis());
      }
      md.dropAll(engine);
    }
  }

  @Test
  void mariadbProducesRowsAsTheyAreRead() throws Exception {
    TestDatabase db = TestDatabase.mariadb();
    db.requireReachable();
    try (Engine engine =
        fill(db, "insert into eng_stream_big (id, pad) select seq, repeat('x', 200) from seq_1_to_" + SERVER_ROWS)) {
      // SYSDATE(6), unlike NOW(6), is evaluated per row as the row is produced.
      var clock = func.named("sysdate", Types.DATETIME, literal(6)).label("produced");
      try (Connection conn = engine.connect()) {
        Select<?> query = select(id, pad, clock).orderBy(id);
        long[] streamed = readWithPause(conn, query.executionOptions(ExecutionOptions.yieldPer(1000)), clock);
        assertThat(streamed[1]).isEqualTo(SERVER_ROWS);
        assertThat(streamed[0]).as("last row produced after the pause").isGreaterThanOrEqualTo(PAUSE.toMillis());
        long[] buffered = readWithPause(conn, query, clock);
        assertThat(buffered[1]).isEqualTo(SERVER_ROWS);
        assertThat(buffered[0]).isLessThan(PAUSE.toMillis());
      }
      md.dropAll(engine);
    }
  }

  @Test
  void h2ProducesRowsAsTheyAreRead() {
    TestDatabase db = TestDatabase.h2();
    try (Engine engine =
        fill(db, "insert into eng_stream_big (id, pad) select x, repeat('x', 200) from system_range(1, " + EMBEDDED_ROWS + ")")) {
      try (Connection conn = engine.connect()) {
        conn.execute(text("create alias if not exists eng_tick deterministic for 'org.jalchemy.result.StreamingTest.tick'"));
        Select<?> query = select(id, pad, func.named("eng_tick", Types.INTEGER, id)).orderBy(id);
        assertThat(ticksAfterFirstRow(conn, query.executionOptions(ExecutionOptions.yieldPer(500))))
            .isLessThan(EMBEDDED_ROWS / 10);
        // Control: H2 otherwise computes the whole result before the first row.
        assertThat(ticksAfterFirstRow(conn, query)).isEqualTo(EMBEDDED_ROWS);
      }
    }
  }

  @Test
  void sqliteProducesRowsAsTheyAreRead() throws Exception {
    TestDatabase db = TestDatabase.sqlite();
    try (Engine engine =
        fill(
            db,
            "insert into eng_stream_big (id, pad) with recursive c(x) as (select 1 union all select x + 1 from c where x < "
                + EMBEDDED_ROWS + ") select x, printf('%.200c', 'x') from c")) {
      try (Connection conn = engine.connect()) {
        org.sqlite.Function.create(
            conn.jdbcConnection().unwrap(org.sqlite.SQLiteConnection.class),
            "eng_tick",
            new org.sqlite.Function() {
              @Override
              protected void xFunc() throws java.sql.SQLException {
                result(tick());
              }
            });
        Select<?> query = select(id, pad, func.named("eng_tick", Types.INTEGER)).orderBy(id);
        assertThat(ticksAfterFirstRow(conn, query.executionOptions(ExecutionOptions.yieldPer(500))))
            .isLessThan(EMBEDDED_ROWS / 10);
      }
    }
  }

  /** How many rows the database had produced when the first one reached the application; reads the rest. */
  private static int ticksAfterFirstRow(Connection conn, Select<?> query) {
    TICKS.set(0);
    try (var result = conn.execute(query)) {
      Iterator<Row> it = result.iterator();
      it.next();
      int ticks = TICKS.get();
      int n = 1;
      while (it.hasNext()) {
        it.next();
        n++;
      }
      assertThat(n).isEqualTo(EMBEDDED_ROWS);
      return ticks;
    }
  }
}
