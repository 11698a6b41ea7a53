package org.jalchemy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time one database's run may take. Before each round it compares what the rounds still to
 * run will take (each variant at its quickest run so far) with the time left, and where they do
 * not fit takes rounds away, from the workload whose rest costs most, down to each workload's
 * floor ({@link Schedule}). On a machine whose loopback round trips are slow (this kind has had
 * 40 µs and 200 µs), the network databases' 2,000 transactions and 5,000 lookups would otherwise
 * decide how long the benchmark runs: one such machine took 1,455 s for the rounds another ran in 622.
 *
 * <pre>{@code
 * TimeBudget budget = TimeBudget.seconds(260, System.nanoTime());
 * List<String> cuts = budget.fit(schedules, System.nanoTime());
 * }</pre>
 */
final class TimeBudget {
  private final long deadlineNanos;
  private final double seconds;

  private TimeBudget(long deadlineNanos, double seconds) {
    this.deadlineNanos = deadlineNanos;
    this.seconds = seconds;
  }

  /** No limit: every planned round runs. */
  static TimeBudget none() {
    return new TimeBudget(Long.MAX_VALUE, 0);
  }

  /** {@code seconds} from {@code startNanos} (a {@link System#nanoTime()} reading); 0 or less is no limit. */
  static TimeBudget seconds(double seconds, long startNanos) {
    return seconds <= 0 ? none() : new TimeBudget(startNanos + (long) (seconds * 1e9), seconds);
  }

  /** The seconds given, or 0 when there is no limit. */
  double seconds() {
    return seconds;
  }

  /**
   * Cuts rounds until what is left of {@code plan} fits before the deadline, or no workload can
   * give up more; returns a line per workload cut. Does nothing until a round has run.
   */
  List<String> fit(List<Schedule> plan, long nowNanos) {
    List<String> cuts = new ArrayList<>();
    if (deadlineNanos == Long.MAX_VALUE || !plan.stream().allMatch(s -> s.finished() || s.costKnown())) {
      return cuts;
    }
    long left = deadlineNanos - nowNanos;
    long before = -1;
    java.util.Set<Schedule> cut = new java.util.LinkedHashSet<>();
    while (true) {
      long projected = 0;
      Schedule costliest = null;
      for (Schedule s : plan) {
        long p = s.finished() ? 0 : s.projectedNanos();
        projected += p;
        if (!s.finished() && s.canCut() && (costliest == null || p > costliest.projectedNanos())) {
          costliest = s;
        }
      }
      before = before < 0 ? projected : before;
      if (projected <= left || costliest == null) {
        for (Schedule s : cut) {
          cuts.add(String.format(Locale.ROOT, "time budget: %.0f s left, %.0f s to run: %s now gets %s",
              left / 1e9, before / 1e9, s.workload.name(), s.rounds()));
        }
        return cuts;
      }
      costliest.cut();
      cut.add(costliest);
    }
  }
}
