package org.jalchemy.bench;

import java.util.List;

/**
 * One of SQLAlchemy's examples/performance workloads.
 *
 * @param name the workload's name in the table
 * @param preloadRows rows put into the fresh table before the variants run (by raw JDBC, untimed)
 * @param freshPerVariant true when each variant changes the table, so each gets a fresh one
 * @param expected the number each variant's {@link Variant.Check} must find
 * @param baseline the label of the raw JDBC variant the ratios are taken to
 * @param variants the variants, run interleaved round by round
 * @param roundsFactor how many times the configured measured rounds it gets: more for the workloads
 *     whose rounds cost little, whose medians the machine's noise moves most
 * @param shortRuns whether its runs take milliseconds (many warm-up rounds, see {@link #SHORT_WARMUP})
 *     rather than hundreds of them (bulk: 100,000 rows compile every hot path in the first run)
 */
public record Workload(String name, int preloadRows, boolean freshPerVariant, long expected, String baseline,
    List<Variant> variants, int roundsFactor, boolean shortRuns) {

  /** The short workloads' factor: their runs cost little, and twice the runs steady their medians. */
  static final int SHORT = 2;

  /**
   * Warm-up rounds of a short workload per configured warm-up round. Each database starts in a
   * fresh JVM, and one round of 2,000 transactions or 5,000 lookups leaves the JIT far from done:
   * on H2, raw JDBC's single-row transactions ran 9.3, 7.3, 6.6, 6.7, 5.2 ms in the first measured
   * rounds, jOOQ's lookups 274 down to 76 ms by the seventh.
   */
  static final int SHORT_WARMUP = 5;

  /**
   * Warm-up rounds of a bulk workload per configured warm-up round: after one, the unit of work's
   * first measured flush on SQLite still took 190 ms against 100–127 ms in the later rounds.
   */
  static final int BULK_WARMUP = 2;

  /** The rounds run first and not counted, for {@code configured} warm-up rounds. */
  int warmupRounds(int configured) {
    return configured * (shortRuns ? SHORT_WARMUP : BULK_WARMUP);
  }
}
