package org.jalchemy.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.OperationalError;
import org.junit.jupiter.api.Test;

/** A pool of 2 with a 500 ms timeout: the third checkout fails in time with a message that names both; a held connection is reported. */
class PoolExhaustionTest {

  @Test
  void aCheckoutBeyondThePoolFailsWithinTheTimeoutNamingSizeAndTimeout() throws Exception {
    Engine engine = Databases.named("h2").engine(Engine.Options.defaults().poolSize(2).poolTimeout(Duration.ofMillis(500)));
    try (Connection a = engine.connect(); Connection b = engine.connect()) {
      a.execute(text("select 1"));
      b.execute(text("select 1"));
      long t0 = System.nanoTime();
      assertThatThrownBy(engine::connect).isInstanceOf(OperationalError.class)
          .hasMessageContaining("2").hasMessageContaining("500 ms");
      long waitedMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(waitedMs).as("fails at the timeout, no hang").isBetween(400L, 5_000L);

      // and no deadlock: 8 threads contending for the 2 connections all finish, each waiting its turn or timing out
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<String>> outcomes = new ArrayList<>();
      a.close();
      b.close();
      for (int i = 0; i < 8; i++) {
        outcomes.add(pool.submit(() -> {
          try (Connection c = engine.connect()) {
            c.execute(text("select 1"));
            Thread.sleep(50);
            return "ok";
          } catch (OperationalError e) {
            return "timeout";
          }
        }));
      }
      int ok = 0;
      for (Future<String> f : outcomes) {
        if (f.get(10, TimeUnit.SECONDS).equals("ok")) {
          ok++;
        }
      }
      pool.shutdown();
      assertThat(ok).as("with 50 ms holds and a 500 ms timeout everyone gets a turn").isEqualTo(8);
      assertThat(engine.poolStatus().active()).isZero();
      Figures.report("pool exhausted", "third checkout of a 2-connection pool failed after " + waitedMs
          + " ms (timeout 500 ms) naming size and timeout; 8 contending threads: " + ok + "/8 done, 0 deadlocks, 0 leaked");
    } finally {
      engine.dispose();
    }
  }

  @Test
  void aConnectionHeldTooLongIsReportedWithTheStackThatTookIt() throws Exception {
    List<LogRecord> records = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        records.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger hikari = Logger.getLogger("com.zaxxer.hikari");
    hikari.addHandler(capture);
    Engine engine = Databases.named("h2").engine(Engine.Options.defaults().leakDetection(Duration.ofSeconds(2)));
    try (Connection held = engine.connect()) {
      held.execute(text("select 1"));
      long deadline = System.currentTimeMillis() + 8_000;
      while (records.stream().noneMatch(r -> r.getThrown() != null) && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
    } finally {
      hikari.removeHandler(capture);
      engine.dispose();
    }
    LogRecord leak = records.stream().filter(r -> r.getThrown() != null).findFirst().orElseThrow(
        () -> new AssertionError("no leak report within 8 s; records: " + records));
    StringBuilder stack = new StringBuilder();
    for (StackTraceElement e : leak.getThrown().getStackTrace()) {
      stack.append(e).append('\n');
    }
    assertThat(stack).contains("aConnectionHeldTooLongIsReportedWithTheStackThatTookIt");
    Figures.report("connection held too long", "reported after ~2 s (leakDetection) with the stack of the code that took it");
  }
}
