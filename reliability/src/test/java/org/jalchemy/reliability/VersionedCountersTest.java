package org.jalchemy.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.select;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.orm.DeclarativeBase;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionMaker;
import org.jalchemy.orm.StaleDataError;
import org.jalchemy.reliability.model.Counter;
import org.jalchemy.reliability.model.RelBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 8 threads × 1,000 increments of 20 versioned counters, each in its own transaction, retrying on
 * StaleDataError (and on the database's own serialization or lock errors): the final sum must equal
 * the number of increments that committed. Any lost update would make it smaller.
 */
class VersionedCountersTest {
  static final int THREADS = 8;
  static final int INCREMENTS = Integer.getInteger("reliability.increments", 1_000);
  static final int COUNTERS = 20;

  static List<Databases> databases() {
    return Databases.all();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void noIncrementIsLost(Databases db) throws Exception {
    Engine engine = db.engine(Engine.Options.defaults().poolSize(db.name().equals("sqlite") ? 1 : THREADS)
        .poolTimeout(Duration.ofSeconds(60)));
    try {
      var md = DeclarativeBase.metadata(RelBase.class);
      md.dropAll(engine, true);
      md.createAll(engine);
      SessionMaker sessions = SessionMaker.of(engine);
      sessions.transaction(s -> {
        for (int i = 1; i <= COUNTERS; i++) {
          s.add(new Counter(i));
        }
        return null;
      });
      AtomicLong committed = new AtomicLong();
      AtomicLong stale = new AtomicLong();
      long t0 = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < INCREMENTS; i++) {
            int id = 1 + ThreadLocalRandom.current().nextInt(COUNTERS);
            for (int attempt = 0; ; attempt++) {
              try (Session s = sessions.open()) {
                s.get(Counter.class, id).increment();
                s.commit();
                committed.incrementAndGet();
                break;
              } catch (StaleDataError e) {
                stale.incrementAndGet();
              } catch (DBAPIError e) {
                // deadlock / serialization / busy: the database refused this attempt; try again
                stale.incrementAndGet();
              }
              if (attempt > 10_000) {
                throw new AssertionError("counter " + id + " could not be incremented");
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(10, TimeUnit.MINUTES);
      }
      pool.shutdown();
      double seconds = (System.nanoTime() - t0) / 1e9;
      long sum;
      try (Session s = sessions.open()) {
        sum = s.scalars(select(Counter.class)).all().stream().mapToLong(Counter::getTotal).sum();
      }
      assertThat(committed.get()).isEqualTo((long) THREADS * INCREMENTS);
      assertThat(sum).as("0 lost updates").isEqualTo(committed.get());
      Figures.report("concurrent versioned updates (" + db.name() + ")", String.format(java.util.Locale.ROOT,
          "%d threads x %d increments on %d rows: sum %d = %d committed, 0 lost, %d stale retries, %.1f s",
          THREADS, INCREMENTS, COUNTERS, sum, committed.get(), stale.get(), seconds));
    } finally {
      engine.dispose();
    }
  }
}
