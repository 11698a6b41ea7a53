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
  /** Measured runs wanted: the configured rounds, or 1 for a variant slower than the limit. */
  int wanted;

  Stats(Workload workload, Variant variant, int rounds) {
    this.workload = workload;
    this.variant = variant;
    this.wanted = rounds;
  }

  boolean done(boolean measuring) {
    return status != null || (measuring && millis.size() >= wanted);
  }

  /** The median of the measured runs, or NaN when there is none. */
  double median() {
    if (millis.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(millis);
    sorted.sort(null);
    int m = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
  }
}
