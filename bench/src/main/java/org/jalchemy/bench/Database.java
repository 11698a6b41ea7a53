package org.jalchemy.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jooq.SQLDialect;

/**
 * One database the benchmark runs on: its jalchemy URL, its JDBC URL for the peers, the Hibernate
 * dialect, the jOOQ dialect, and the DDL of the {@code bench_customer} table every variant uses.
 */
public record Database(String name, String jalchemyUrl, String jdbcUrl, String user, String hibernateDialect,
    SQLDialect jooqDialect, boolean server) {

  /** The names accepted by {@code db=}. */
  public static final List<String> NAMES = List.of("postgresql", "sqlite", "h2", "mariadb");

  /** The database of that name; server URLs follow the test suite's system properties. */
  public static Database named(String name) {
    switch (name) {
      case "postgresql": {
        String url = System.getProperty("jalchemy.bench.postgresql.url",
            System.getProperty("jalchemy.test.postgresql.url", "postgresql+pgjdbc://postgres@127.0.0.1:5432/test"));
        String jdbc = org.jalchemy.engine.EngineUrl.parse(url).toJdbcUrl();
        String user = org.jalchemy.engine.EngineUrl.parse(url).username();
        // Commits do not wait for the WAL flush (synchronous_commit=off), for every library alike:
        // otherwise 2,000 single-row transactions measure this machine's fsync, which swings by
        // ±40% from run to run, not the libraries (SQLite gets synchronous=NORMAL for the same reason).
        String noFlushWait = "options=-c%20synchronous_commit%3Doff";
        url = url + (url.contains("?") ? "&" : "?") + noFlushWait;
        jdbc = jdbc + "?" + noFlushWait;
        return new Database(name, url, jdbc, user, "org.hibernate.dialect.PostgreSQLDialect", SQLDialect.POSTGRES, true);
      }
      case "mariadb": {
        String url = System.getProperty("jalchemy.bench.mariadb.url",
            System.getProperty("jalchemy.test.mariadb.url", "mariadb://root@127.0.0.1:3306/test"));
        String jdbc = org.jalchemy.engine.EngineUrl.parse(url).toJdbcUrl();
        String user = org.jalchemy.engine.EngineUrl.parse(url).username();
        return new Database(name, url, jdbc, user, "org.hibernate.dialect.MariaDBDialect", SQLDialect.MARIADB, true);
      }
      case "sqlite": {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "jalchemy-bench-" + ProcessHandle.current().pid() + ".db")
            .toAbsolutePath();
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
          Path.of(file + suffix).toFile().deleteOnExit();
        }
        // WAL with synchronous=NORMAL: a commit does not wait for fsync (else 2,000 single-row
        // transactions measure the disk); every library gets the same settings.
        String pragmas = "?journal_mode=WAL&synchronous=NORMAL";
        return new Database(name, "sqlite+xerial:///" + file + pragmas, "jdbc:sqlite:" + file + pragmas, null,
            "org.hibernate.community.dialect.SQLiteDialect", SQLDialect.SQLITE, false);
      }
      case "h2": {
        String db = "jalchemy_bench_" + ProcessHandle.current().pid();
        return new Database(name, "h2:mem:" + db, "jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1", null,
            "org.hibernate.dialect.H2Dialect", SQLDialect.H2, false);
      }
      default:
        throw new IllegalArgumentException("unknown database '" + name + "'; use one of " + NAMES);
    }
  }

  /**
   * How much of the run's time budget a database gets, relative to the others. The network
   * servers' 2,000 transactions and 5,000 lookups are round trips: on a machine with slow loopback
   * they took 4–7 times what the embedded databases took (AMD EPYC, 2026-12-03: PostgreSQL 520 s,
   * MariaDB 700 s, SQLite 130 s, H2 100 s for the full rounds). The embedded ones get more than
   * that proportion, as their short workloads run in milliseconds and need every warm-up round
   * (with two, H2's single-row transactions measured 1.8× where five gave 1.3×), while the
   * servers' figures are set by the round trips.
   */
  static double budgetWeight(String name) {
    return switch (name) {
      case "postgresql" -> 3;
      case "mariadb" -> 4;
      default -> 1.5;
    };
  }

  /**
   * How many times the configured measured rounds the bulk insert gets on this database: twice on
   * MariaDB, once elsewhere. With Hibernate's IDENTITY variant measured once ({@link Sizes#full}'s
   * slow limit) a round there costs 2–3 s, and MariaDB's bulk runs move most: Core executemany over
   * raw JDBC's batch 0.68–1.68× from round to round in twenty rounds (stalls of the server, up to
   * twice a run's time, land on one run or the other), so that a median of five missed 1.1× in one
   * run of three to nine (resampled; bench/README.md, ninth session). Elsewhere the bulk insert
   * meets its targets by a wide margin, and PostgreSQL, SQLite and H2 fill their shares of the time
   * budget already (more rounds here were paid for with the large result's warm-up rounds).
   */
  static int bulkInsertRoundsFactor(String name) {
    return name.equals("mariadb") ? 2 : 1;
  }

  /**
   * How many times a variant's first, cold run is taken to be its warm runs when the time budget
   * forecasts the rest after one round. Measured on the AMD EPYC machine (2026-12-03), the whole
   * first round against the second: H2 3.0–3.1×, SQLite 1.6–2.0× (class loading and the JIT are
   * most of an in-process run), MariaDB 1.02–1.10×, PostgreSQL 0.96–1.47× (round trips dominate).
   * Each is at the low end, so that a slow machine cuts in time and a quick one is not cut for
   * nothing (the next round's forecast, from warm runs, corrects either way).
   */
  static double coldRoundFactor(String name) {
    return switch (name) {
      case "h2" -> 2.5;
      case "sqlite" -> 1.6;
      default -> 1.1;
    };
  }

  /** A plain JDBC connection (DDL, checks), outside every pool. */
  public Connection open() throws SQLException {
    return user == null ? DriverManager.getConnection(jdbcUrl) : DriverManager.getConnection(jdbcUrl, user, "");
  }

  /** Null when the database answers, else the reason it does not. */
  public String unreachable() {
    try (Connection c = open()) {
      return null;
    } catch (SQLException e) {
      return e.getMessage();
    }
  }

  /** Drops and creates {@code bench_customer} (identity key). */
  public void freshTable() throws SQLException {
    String identity = switch (name) {
      case "sqlite" -> "INTEGER PRIMARY KEY";
      case "mariadb" -> "INTEGER AUTO_INCREMENT PRIMARY KEY";
      default -> "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    };
    try (Connection c = open(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("DROP TABLE IF EXISTS bench_customer");
      s.execute("CREATE TABLE bench_customer (id " + identity + ", name VARCHAR(255), description VARCHAR(255))");
    }
  }

  /**
   * Before each timed run: on PostgreSQL a CHECKPOINT, so that the dirty pages and WAL the previous
   * variant left (100,000-row inserts and updates) are written now and not by a checkpoint that
   * lands inside the next variant's clock; single-row commits are otherwise swayed by whichever
   * variant a checkpoint happens to hit. A no-op elsewhere, and where the user may not checkpoint.
   */
  public void settle() {
    if (!name.equals("postgresql") || checkpointRefused) {
      return;
    }
    try (Connection c = open(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      checkpointRefused = true; // not a superuser (nor pg_checkpoint): runs go on unsettled
      System.err.println("bench: CHECKPOINT refused (" + e.getMessage() + "); PostgreSQL runs are not settled");
    }
  }

  private static volatile boolean checkpointRefused;

  /**
   * For the log beside each timed run, on MariaDB: InnoDB's redo not yet checkpointed, its dirty
   * pages and its purge backlog, the background work a previous variant left behind. Empty elsewhere.
   */
  public String backgroundWork() {
    if (!name.equals("mariadb")) {
      return "";
    }
    try (Connection c = open(); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT variable_name, variable_value FROM information_schema.global_status"
            + " WHERE variable_name IN ('INNODB_CHECKPOINT_AGE', 'INNODB_BUFFER_POOL_PAGES_DIRTY', 'INNODB_HISTORY_LIST_LENGTH')")) {
      long age = 0, dirty = 0, history = 0;
      while (rs.next()) {
        long v = rs.getLong(2);
        switch (rs.getString(1).toUpperCase(java.util.Locale.ROOT)) {
          case "INNODB_CHECKPOINT_AGE" -> age = v;
          case "INNODB_BUFFER_POOL_PAGES_DIRTY" -> dirty = v;
          default -> history = v;
        }
      }
      return String.format(java.util.Locale.ROOT, "  [redo %.1f MB, %d dirty pages, history %d]", age / 1e6, dirty, history);
    } catch (SQLException e) {
      return "  [" + e.getMessage() + "]";
    }
  }

  /**
   * For the length of one database's run, on MariaDB: {@code innodb_flush_log_at_trx_commit=2}, so
   * that a commit writes the redo log but does not wait for its fsync, the counterpart of
   * PostgreSQL's {@code synchronous_commit=off}. The setting is global (MariaDB has no per-session
   * switch), so the value found is put back when the returned handle closes. Measured on this
   * machine kind: a raw JDBC single-row transaction takes 290–340 µs with the flush, swinging from
   * launch to launch, and a steady 190 µs without; the libraries' differences drown in the former.
   * A no-op elsewhere, and where the user may not set globals (the run then says so).
   */
  public AutoCloseable relaxedDurability() {
    if (!name.equals("mariadb")) {
      return () -> { };
    }
    try (Connection c = open(); Statement s = c.createStatement()) {
      String before;
      try (var rs = s.executeQuery("SELECT @@GLOBAL.innodb_flush_log_at_trx_commit")) {
        rs.next();
        before = rs.getString(1);
      }
      s.execute("SET GLOBAL innodb_flush_log_at_trx_commit = 2");
      return () -> {
        try (Connection r = open(); Statement rs = r.createStatement()) {
          rs.execute("SET GLOBAL innodb_flush_log_at_trx_commit = " + Integer.parseInt(before));
        }
      };
    } catch (SQLException e) {
      System.err.println("bench: SET GLOBAL innodb_flush_log_at_trx_commit refused (" + e.getMessage()
          + "); MariaDB commits wait for the disk");
      return () -> { };
    }
  }

  /**
   * Creates the sequence Hibernate's variant takes keys from, once per database and run: Hibernate's
   * pooled optimizer keeps its current block of keys in memory across sessions, so a sequence made
   * again per table would hand out keys it already gave.
   */
  public void freshSequence() throws SQLException {
    try (Connection c = open(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      if (name.equals("sqlite")) {
        // Hibernate emulates a sequence with a one-row table where the database has none.
        s.execute("DROP TABLE IF EXISTS bench_customer_seq");
        s.execute("CREATE TABLE bench_customer_seq (next_val BIGINT)");
        s.execute("INSERT INTO bench_customer_seq VALUES (1)");
      } else {
        s.execute("DROP SEQUENCE IF EXISTS bench_customer_seq");
        s.execute("CREATE SEQUENCE bench_customer_seq START WITH 1 INCREMENT BY 50");
      }
    }
  }

  /** Drops the table and the sequence (at the end of a run). */
  public void dropTable() throws SQLException {
    try (Connection c = open(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("DROP TABLE IF EXISTS bench_customer");
      s.execute(name.equals("sqlite") ? "DROP TABLE IF EXISTS bench_customer_seq" : "DROP SEQUENCE IF EXISTS bench_customer_seq");
    }
  }

  /** The number of rows in {@code bench_customer}, and of those whose description was updated. */
  public long[] counts() throws SQLException {
    try (Connection c = open(); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN description LIKE 'updated%' THEN 1 ELSE 0 END) FROM bench_customer")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }
}
