package org.jalchemy.bench;

import java.util.ArrayList;
import java.util.List;

/** What the runs of one variant of one workload on one database measured. */
final class Stats {
  final Workload workload;
  final Variant variant;
  final List<Double> millis = new ArrayList<>();
  long peakHeapBytes;
  /** Null while the variant runs normally; else why it stopped ("n/a …", "failed: …"). */
  String status;
  /** Measured runs wanted: the configured rounds (fewer where the time budget cut them), or 1 for a slow variant. */
  int wanted;
  /** Measured once, by its first run, which took longer than the limit for slow variants. */
  boolean slow;
  /**
   * What its quickest run took in all, with its fresh table, the GC before it and the check after it
   * (for the time budget: a first, cold run took up to three times what the later ones did on H2).
   */
  long runNanos;

  /** Records what a run of this variant took in all (see {@link #runNanos}). */
  void ran(long nanos) {
    runNanos = quickest(runNanos, nanos);
  }

  /** The quicker of a time kept so far ({@code 0}: none yet) and a new one. */
  static long quickest(long sofar, long nanos) {
    return sofar == 0 ? nanos : Math.min(sofar, nanos);
  }

  Stats(Workload workload, Variant variant, int rounds) {
    this.workload = workload;
    this.variant = variant;
    this.wanted = rounds;
  }

  /** Whether the variant needs no more runs: stopped, or measured as often as wanted (warm-up rounds measure nothing). */
  boolean done() {
    return status != null || millis.size() >= wanted;
  }

  /** The median of the measured runs, or NaN when there is none. */
  double median() {
    return median(millis);
  }

  /**
   * How this variant compares with {@code other}: the median over the rounds of this run's time
   * divided by the other's in the same round. The variants of a workload run one after the other
   * within each round, so a slow spell of the machine or the server that lasts longer than a round
   * (this machine's PostgreSQL lookups took 515 ms in one round and 870 ms in another) hits both
   * runs of a pair and cancels out, where a ratio of the two medians keeps it. Falls back to the
   * ratio of the medians when either was measured once (a slow variant).
   */
  double ratioTo(Stats other) {
    int n = Math.min(millis.size(), other.millis.size());
    if (n < 2 || millis.size() != other.millis.size()) {
      return median() / other.median();
    }
    List<Double> ratios = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ratios.add(millis.get(i) / other.millis.get(i));
    }
    return median(ratios);
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int m = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
  }
}
