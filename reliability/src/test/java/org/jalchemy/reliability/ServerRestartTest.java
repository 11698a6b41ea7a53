package org.jalchemy.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.OperationalError;
import org.jalchemy.pool.PoolStatus;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL (a throwaway cluster) is killed and restarted while 8 threads run short
 * transactions through the engine's pool: during the outage requests fail with OperationalError
 * within the pool timeout, never hang; after the restart they all succeed again, and the pool
 * holds no leaked connection.
 */
class ServerRestartTest {
  static final int THREADS = 8;

  @Test
  void thePoolRecoversAfterARestart() throws Exception {
    try (ThrowawayPostgres pg = ThrowawayPostgres.create(54329)) {
      Engine engine = Jalchemy.createEngine(pg.url(), Engine.Options.defaults().poolSize(THREADS)
          .poolTimeout(Duration.ofSeconds(2)).prePing(true));
      try {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong phase = new AtomicLong(0); // 0 before, 1 outage, 2 after the restart
        long[][] counts = new long[3][2]; // [phase][ok, failed]
        AtomicLong slowestFailureMs = new AtomicLong();
        List<String> unexpected = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          workers.add(pool.submit(() -> {
            while (running.get()) {
              int p = (int) phase.get();
              long t0 = System.nanoTime();
              try (Connection c = engine.connect()) {
                c.execute(text("select 1"));
                c.commit();
                synchronized (counts) {
                  counts[p][0]++;
                }
              } catch (OperationalError e) {
                slowestFailureMs.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                synchronized (counts) {
                  counts[p][1]++;
                }
                sleep(50);
              } catch (RuntimeException e) {
                synchronized (unexpected) {
                  unexpected.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
              }
            }
            return null;
          }));
        }
        sleep(2_000);
        phase.set(1);
        pg.kill();
        sleep(3_000);
        pg.start();
        sleep(1_000); // the first checkouts after the restart replace the dead connections
        phase.set(2);
        sleep(3_000);
        running.set(false);
        for (Future<?> w : workers) {
          w.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        PoolStatus status = engine.poolStatus();
        assertThat(unexpected).as("only OperationalError during the outage").isEmpty();
        assertThat(counts[0][0]).isPositive();
        assertThat(counts[1][1]).as("the outage was felt").isPositive();
        assertThat(slowestFailureMs.get()).as("no hang past the pool timeout").isLessThan(2_000 + 3_000);
        assertThat(counts[2][0]).as("working again").isPositive();
        assertThat(counts[2][1]).as("0 failures after the restart").isZero();
        assertThat(status.active()).as("0 leaked connections").isZero();
        Figures.report("PostgreSQL restarted under load", String.format(java.util.Locale.ROOT,
            "%d threads: before %d ok; outage %d failed with OperationalError (slowest %d ms, pool timeout 2000 ms), %d ok; "
                + "after restart %d ok, 0 failed; pool afterwards: %d connections, %d in use",
            THREADS, counts[0][0], counts[1][1], slowestFailureMs.get(), counts[1][0], counts[2][0], status.total(), status.active()));
      } finally {
        engine.dispose();
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
