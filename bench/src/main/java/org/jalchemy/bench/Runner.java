package org.jalchemy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs every workload of one database in rounds: warm-up rounds first (not counted), then the
 * measured rounds (twice as many for the workloads whose runs take milliseconds; the others
 * are done by then and skipped). In each round every workload runs each of its variants once, in an order that
 * rotates from round to round, so that drift of the machine hits every variant alike. A variant
 * that changes the table gets a fresh one (dropped, created, filled by raw JDBC, untimed); one that
 * only reads shares the round's table. Each run starts after a GC with the heap pools' peak usage
 * reset (and, on PostgreSQL, after a CHECKPOINT: {@link Database#settle}), and its peak heap is read
 * right after it; its result is checked (row counts), never its time. Before each round the
 * {@link TimeBudget} may take rounds away where the rest would not fit.
 */
final class Runner {
  private final Context ctx;
  private final Sizes sizes;
  private final TimeBudget budget;
  private final Consumer<String> log;
  private final List<String> cuts = new ArrayList<>();
  private List<Schedule> plan = List.of();

  Runner(Context ctx, Sizes sizes, Consumer<String> log) {
    this(ctx, sizes, TimeBudget.none(), log);
  }

  Runner(Context ctx, Sizes sizes, TimeBudget budget, Consumer<String> log) {
    this.ctx = ctx;
    this.sizes = sizes;
    this.budget = budget;
    this.log = log;
  }

  /** Runs everything; the stats of each variant, workload by workload, in table order. */
  Map<Workload, List<Stats>> run() throws Exception {
    List<Workload> workloads = Workloads.of(ctx, sizes);
    Map<Workload, List<Stats>> out = new LinkedHashMap<>();
    List<Schedule> schedules = new ArrayList<>();
    for (Workload w : workloads) {
      List<Stats> list = new ArrayList<>();
      int measured = sizes.rounds() * w.roundsFactor();
      for (Variant v : w.variants()) {
        list.add(new Stats(w, v, measured));
      }
      out.put(w, list);
      schedules.add(new Schedule(w, list, w.warmupRounds(sizes.warmup()), measured, Database.coldRoundFactor(ctx.db.name())));
    }
    plan = schedules;
    for (int round = 1; !schedules.stream().allMatch(Schedule::finished); round++) {
      for (String cut : budget.fit(schedules, System.nanoTime())) {
        log.accept("  " + cut);
        cuts.add(cut);
      }
      log.accept("  round " + round);
      for (Schedule sc : schedules) {
        if (sc.finished()) {
          continue;
        }
        runRound(sc);
      }
    }
    return out;
  }

  /** One round of a workload: each variant still wanted once, starting one later than last round. */
  private void runRound(Schedule sc) throws Exception {
    Workload w = sc.workload;
    boolean measuring = !sc.warming();
    if (!w.freshPerVariant()) {
      long t0 = System.nanoTime();
      fresh(w);
      sc.setupNanos = Stats.quickest(sc.setupNanos, System.nanoTime() - t0);
    }
    List<Stats> stats = sc.stats;
    for (int k = 0; k < stats.size(); k++) {
      Stats s = stats.get((k + sc.roundsRun()) % stats.size());
      if (s.done()) {
        continue;
      }
      long t0 = System.nanoTime();
      if (w.freshPerVariant()) {
        fresh(w);
      }
      runOnce(w, s, measuring);
      s.ran(System.nanoTime() - t0);
    }
    sc.roundRan();
  }

  /** Whether the time budget took rounds from any workload. */
  boolean wasCut() {
    return plan.stream().anyMatch(Schedule::wasCut);
  }

  /** For the results page: the budget, and the rounds of each workload it cut. */
  List<String> budgetNotes() {
    List<String> notes = new ArrayList<>();
    if (budget.seconds() > 0) {
      StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
          "Time budget of this database: %.0f s.", budget.seconds()));
      if (wasCut()) {
        sb.append(" Rounds were cut to fit it:");
        for (Schedule s : plan) {
          if (s.wasCut()) {
            sb.append(" ").append(s.workload.name()).append(", ").append(s.rounds()).append(";");
          }
        }
        sb.setLength(sb.length() - 1);
        sb.append('.');
      } else {
        sb.append(" Every planned round fitted.");
      }
      notes.add(sb.toString());
    }
    return notes;
  }

  private void fresh(Workload w) throws Exception {
    ctx.db.freshTable();
    if (w.preloadRows() > 0) {
      JdbcVariants.bulkInsert(ctx.jdbcRewrite != null ? ctx.jdbcRewrite : ctx.jdbc, w.preloadRows());
      int[] ids = JdbcVariants.ids(ctx.jdbc);
      ctx.range = new int[] {ids[0], ids[ids.length - 1]};
      int[] lookups = new int[sizes.lookups()];
      for (int i = 0; i < lookups.length; i++) {
        lookups[i] = ids[(int) ((i * 7919L) % ids.length)];
      }
      ctx.lookups = lookups;
    }
  }

  private void runOnce(Workload w, Stats s, boolean measuring) {
    ctx.db.settle();
    String background = ctx.db.backgroundWork();
    System.gc();
    List<MemoryPoolMXBean> heap = heapPools();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long got;
    double ms;
    try {
      long t0 = System.nanoTime();
      got = s.variant.body().run();
      ms = (System.nanoTime() - t0) / 1e6;
    } catch (Variant.NotAvailable e) {
      s.status = e.getMessage();
      log.accept(String.format("    %-55s %s", s.variant.label(), s.status));
      return;
    } catch (Throwable e) {
      s.status = "failed: " + shortMessage(e);
      log.accept(String.format("    %-55s %s", s.variant.label(), s.status));
      e.printStackTrace();
      return;
    }
    long peak = 0;
    for (MemoryPoolMXBean p : heap) {
      peak += p.getPeakUsage().getUsed();
    }
    s.peakHeapBytes = Math.max(s.peakHeapBytes, peak);
    String wrong = check(w, s.variant, got);
    if (wrong != null) {
      s.status = "failed: " + wrong;
      log.accept(String.format("    %-55s %s", s.variant.label(), s.status));
      return;
    }
    if (measuring) {
      s.millis.add(ms);
    } else if (ms > sizes.slowSeconds() * 1000) {
      // A run this long is not shaped by the JIT's warm-up (compiled within its first second):
      // it is the variant's one measurement, and no more rounds are spent on it.
      s.slow = true;
      s.wanted = 1;
      s.millis.add(ms);
      log.accept(String.format("    %-55s %10.1f ms (slow: measured once)", s.variant.label(), ms));
      return;
    }
    log.accept(String.format("    %-55s %10.1f ms%s%s", s.variant.label(), ms, measuring ? "" : " (warm-up)", background));
  }

  private String check(Workload w, Variant v, long got) {
    try {
      long expected = w.expected();
      switch (v.check()) {
        case RETURNED:
          return got == expected ? null : "returned " + got + " rows, expected " + expected;
        case TABLE_ROWS: {
          long rows = ctx.db.counts()[0];
          return rows == expected ? null : "table holds " + rows + " rows, expected " + expected;
        }
        case UPDATED_ROWS: {
          long updated = ctx.db.counts()[1];
          return updated == expected && got == expected ? null
              : updated + " rows updated (" + got + " reported), expected " + expected;
        }
        default:
          throw new IllegalStateException(v.check().toString());
      }
    } catch (Exception e) {
      return "check failed: " + shortMessage(e);
    }
  }

  static String shortMessage(Throwable e) {
    String m = e.getClass().getSimpleName() + ": " + e.getMessage();
    m = m.replace('\n', ' ').replace('|', '/');
    return m.length() > 160 ? m.substring(0, 160) + "…" : m;
  }

  private static List<MemoryPoolMXBean> heapPools() {
    List<MemoryPoolMXBean> out = new ArrayList<>();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.isValid()) {
        out.add(p);
      }
    }
    return out;
  }
}
