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
 * right after it; its result is checked (row counts), never its time.
 */
final class Runner {
  private final Context ctx;
  private final Sizes sizes;
  private final Consumer<String> log;

  Runner(Context ctx, Sizes sizes, Consumer<String> log) {
    this.ctx = ctx;
    this.sizes = sizes;
    this.log = log;
  }

  /** Runs everything; the stats of each variant, workload by workload, in table order. */
  Map<Workload, List<Stats>> run() throws Exception {
    List<Workload> workloads = Workloads.of(ctx, sizes);
    Map<Workload, List<Stats>> out = new LinkedHashMap<>();
    for (Workload w : workloads) {
      List<Stats> list = new ArrayList<>();
      for (Variant v : w.variants()) {
        list.add(new Stats(w, v, sizes.rounds() * w.roundsFactor()));
      }
      out.put(w, list);
    }
    int total = workloads.stream()
        .mapToInt(w -> w.warmupRounds(sizes.warmup()) + sizes.rounds() * w.roundsFactor()).max().orElse(0);
    for (int round = 0; round < total; round++) {
      log.accept("  round " + (round + 1) + "/" + total);
      for (Workload w : workloads) {
        boolean measuring = round >= w.warmupRounds(sizes.warmup());
        List<Stats> stats = out.get(w);
        if (stats.stream().allMatch(s -> s.done(measuring))) {
          continue;
        }
        if (!w.freshPerVariant()) {
          fresh(w);
        }
        for (int k = 0; k < stats.size(); k++) {
          Stats s = stats.get((k + round) % stats.size());
          if (s.done(measuring)) {
            continue;
          }
          if (w.freshPerVariant()) {
            fresh(w);
          }
          runOnce(w, s, measuring);
        }
      }
    }
    return out;
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
      s.wanted = 1;
    }
    log.accept(String.format("    %-55s %10.1f ms%s", s.variant.label(), ms, measuring ? "" : " (warm-up)"));
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
