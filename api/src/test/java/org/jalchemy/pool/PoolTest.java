package org.jalchemy.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.text;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.OperationalError;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** HikariCP behind the engine: size, timeout, pre-ping, recycle, dispose; the shared SQLite memory connection. */
class PoolTest {
  static List<TestDatabase> pooled() {
    return List.of(TestDatabase.h2(), TestDatabase.postgresql(), TestDatabase.mariadb());
  }

  @ParameterizedTest
  @MethodSource("pooled")
  void poolSizeIsRespectedAndCheckoutTimesOut(TestDatabase db) {
    db.requireReachable();
    Engine engine =
        Engine.create(db.url(), Engine.Options.defaults().poolSize(2).poolTimeout(Duration.ofMillis(600)));
    List<Connection> held = new ArrayList<>();
    try {
      held.add(engine.connect());
      held.add(engine.connect());
      assertThat(engine.poolStatus().active()).isEqualTo(2);
      assertThat(engine.poolStatus().total()).isEqualTo(2);
      long start = System.nanoTime();
      assertThatThrownBy(engine::connect)
          .isInstanceOf(OperationalError.class)
          .hasMessageContaining("pool size 2 reached")
          .hasMessageContaining("pool timeout of 600 ms")
          .hasMessageContaining("raise the pool size or timeout");
      long waitedMs = (System.nanoTime() - start) / 1_000_000;
      // It waited for the timeout (behaviour), and gave up rather than hanging.
      assertThat(waitedMs).isBetween(500L, 10_000L);
      assertThat(engine.poolStatus().total()).isEqualTo(2);
      held.remove(0).close();
      try (Connection again = engine.connect()) {
        assertThat(again.execute(text("select 1")).scalar()).isNotNull();
      }
    } finally {
      held.forEach(Connection::close);
      engine.dispose();
    }
  }

  @Test
  void prePingReplacesAConnectionKilledOnTheServer() throws SQLException {
    TestDatabase db = TestDatabase.postgresql();
    Engine engine = db.engine(Engine.Options.defaults().poolSize(1).prePing(true));
    try {
      int first = backendPid(engine);
      terminate(first);
      // Straight away: Hikari skips its own liveness test for connections used in the last 500 ms.
      try (Connection conn = engine.connect()) {
        int second = ((Number) conn.execute(text("select pg_backend_pid()")).scalar()).intValue();
        assertThat(second).isNotEqualTo(first);
      }
      assertThat(engine.poolStatus().total()).isEqualTo(1);
    } finally {
      engine.dispose();
    }
  }

  @Test
  void aConnectionKilledWhileCheckedOutFailsWithOperationalErrorAndIsDiscarded() throws SQLException {
    TestDatabase db = TestDatabase.postgresql();
    Engine engine = db.engine(Engine.Options.defaults().poolSize(1));
    try {
      int pid;
      try (Connection conn = engine.connect()) {
        pid = ((Number) conn.execute(text("select pg_backend_pid()")).scalar()).intValue();
        terminate(pid);
        assertThatThrownBy(() -> conn.execute(text("select 1")))
            .isInstanceOf(OperationalError.class)
            .hasMessageContaining("[SQL: select 1]");
      }
      try (Connection conn = engine.connect()) {
        assertThat(((Number) conn.execute(text("select pg_backend_pid()")).scalar()).intValue()).isNotEqualTo(pid);
      }
    } finally {
      engine.dispose();
    }
  }

  @Test
  void recycleReplacesConnectionsOlderThanTheLimit() throws Exception {
    TestDatabase db = TestDatabase.postgresql();
    Engine engine = db.engine(Engine.Options.defaults().poolSize(1).poolRecycle(Duration.ofMillis(300)));
    try {
      int first = backendPid(engine);
      assertThat(backendPid(engine)).as("reused while young").isEqualTo(first);
      TimeUnit.MILLISECONDS.sleep(500);
      int later = backendPid(engine);
      assertThat(later).as("replaced once older than 300 ms").isNotEqualTo(first);
      assertThat(backendExists(first)).isFalse();
    } finally {
      engine.dispose();
    }
  }

  @Test
  void disposeClosesConnectionsAndTheEngineReconnects() throws SQLException {
    TestDatabase db = TestDatabase.postgresql();
    Engine engine = db.engine();
    try {
      int first = backendPid(engine);
      assertThat(engine.poolStatus().total()).isEqualTo(1);
      assertThat(backendExists(first)).isTrue();
      engine.dispose();
      assertThat(engine.poolStatus().total()).isZero();
      assertThat(waitUntilGone(first)).as("server session closed by dispose").isTrue();
      int second = backendPid(engine);
      assertThat(second).isNotEqualTo(first);
    } finally {
      engine.dispose();
    }
  }

  @Test
  void inMemorySqliteSharesOneConnection() {
    Engine engine = TestDatabase.sqlite().engine();
    try {
      try (Connection conn = engine.connect()) {
        conn.execute(text("create table eng_shared (x integer)"));
        conn.execute(text("insert into eng_shared values (7)"));
        conn.commit();
      }
      try (Connection conn = engine.connect()) {
        assertThat(conn.execute(text("select x from eng_shared")).scalar()).isEqualTo(7);
      }
      assertThat(engine.poolStatus().size()).isEqualTo(1);
    } finally {
      engine.dispose();
    }
    // dispose closed the one connection, and with it the memory database.
    try (Connection conn = engine.connect()) {
      assertThat(conn.execute(text("select count(*) from sqlite_master where name = 'eng_shared'")).scalar())
          .isEqualTo(0);
    }
    engine.dispose();
  }

  @Test
  void aSecondThreadWaitsForTheSharedSqliteConnection() throws Exception {
    Engine engine = Engine.create("sqlite+xerial:///:memory:", Engine.Options.defaults().poolTimeout(Duration.ofSeconds(10)));
    try {
      Connection holder = engine.connect();
      holder.execute(text("create table eng_wait (x integer)"));
      holder.execute(text("insert into eng_wait values (1)"));
      CompletableFuture<Object> waiter =
          CompletableFuture.supplyAsync(
              () -> {
                try (Connection conn = engine.connect()) {
                  return conn.execute(text("select count(*) from eng_wait")).scalar();
                }
              });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (engine.poolStatus().waiting() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(engine.poolStatus().waiting()).isEqualTo(1);
      assertThat(waiter).isNotDone();
      holder.commit();
      holder.close();
      assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    } finally {
      engine.dispose();
    }
  }

  @Test
  void theSharedSqliteConnectionTimesOutWithOperationalError() throws Exception {
    Engine engine =
        Engine.create("sqlite+xerial:///:memory:", Engine.Options.defaults().poolTimeout(Duration.ofMillis(300)));
    try (Connection holder = engine.connect()) {
      CompletableFuture<Connection> waiter = CompletableFuture.supplyAsync(engine::connect);
      assertThatThrownBy(() -> waiter.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(OperationalError.class)
          .cause()
          .hasMessageContaining("single shared connection")
          .hasMessageContaining("300 ms");
    } finally {
      engine.dispose();
    }
  }

  @Test
  void leakDetectionReportsAConnectionHeldTooLong() throws Exception {
    java.util.logging.Logger hikari = java.util.logging.Logger.getLogger("com.zaxxer.hikari.pool.ProxyLeakTask");
    List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            warnings.add(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown().getMessage()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    hikari.addHandler(handler);
    Engine engine = TestDatabase.h2().engine(Engine.Options.defaults().leakDetection(Duration.ofSeconds(2)));
    try (Connection conn = engine.connect()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
      while (warnings.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(warnings).anyMatch(w -> w.contains("leak"));
    } finally {
      hikari.removeHandler(handler);
      engine.dispose();
    }
  }

  private static int backendPid(Engine engine) {
    try (Connection conn = engine.connect()) {
      return ((Number) conn.execute(text("select pg_backend_pid()")).scalar()).intValue();
    }
  }

  private static java.sql.Connection admin() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
  }

  private static void terminate(int pid) throws SQLException {
    try (var c = admin(); var ps = c.prepareStatement("select pg_terminate_backend(?)")) {
      ps.setInt(1, pid);
      ps.execute();
    }
    waitUntilGone(pid);
  }

  private static boolean backendExists(int pid) throws SQLException {
    try (var c = admin(); var ps = c.prepareStatement("select count(*) from pg_stat_activity where pid = ?")) {
      ps.setInt(1, pid);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) > 0;
      }
    }
  }

  private static boolean waitUntilGone(int pid) throws SQLException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (!backendExists(pid)) {
        return true;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
