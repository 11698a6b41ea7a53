package org.jalchemy.bench;

import java.util.List;

/**
 * The rounds of one workload on one database: how many warm-up rounds it runs, how many measured
 * rounds it wants, and how far a {@link TimeBudget} may cut either. With each variant's quickest
 * run ({@link Stats#runNanos}) it tells the budget what the rest of the run will take.
 */
final class Schedule {
  /** Warm-up rounds the budget leaves a bulk workload (100,000 rows compile every hot path in the first run). */
  static final int BULK_WARMUP_FLOOR = 1;
  /**
   * Warm-up rounds the budget leaves a bulk workload on a database whose first round is cold
   * ({@link #COLD_DATABASE}): on SQLite, with one, the unit of work's first measured flush took
   * 190 ms against 136 in the next round.
   */
  static final int BULK_WARMUP_FLOOR_COLD = 2;
  /** A cold round factor from which a database counts as cold (H2's and SQLite's, in process). */
  static final double COLD_DATABASE = 1.5;
  /** Warm-up rounds the budget leaves a short workload (one round of 2,000 operations leaves the JIT half done). */
  static final int SHORT_WARMUP_FLOOR = 2;
  /**
   * Measured rounds the budget leaves a bulk workload. Two, not three: on a machine whose host took
   * CPU time away (12% steal) the rounds at floors of 3 and 5 took 974 s, over the 15 minutes.
   */
  static final int BULK_MEASURED_FLOOR = 2;
  /** Measured rounds the budget leaves a short workload, whose runs the machine's noise moves most. */
  static final int SHORT_MEASURED_FLOOR = 3;

  /**
   * A workload whose round costs less keeps all its rounds: cutting it could not bring a run of
   * minutes back within its budget, and the JIT needs the rounds (H2's {@code session.get}, cut to
   * two warm-up rounds of 5,000 lookups, still moved between 31 and 76 ms a run in the measured ones).
   */
  static final long CHEAP_ROUND_NANOS = 1_000_000_000L;

  final Workload workload;
  final List<Stats> stats;
  private int warmups;
  private int warmupsRun;
  private int measured;
  private final int warmupFloor;
  private final int measuredFloor;
  private final int plannedWarmups;
  private final int plannedMeasured;
  /** What the quickest fresh table shared by a round's variants cost (workloads that only read). */
  long setupNanos;
  private int roundsRun;
  /**
   * How many times its warm ones a variant's first, cold run is taken to be while only one round
   * has run ({@link Database#coldRoundFactor}).
   */
  private final double coldRoundFactor;

  Schedule(Workload workload, List<Stats> stats, int warmups, int measured, double coldRoundFactor) {
    this.workload = workload;
    this.stats = stats;
    this.warmups = warmups;
    this.measured = measured;
    this.plannedWarmups = warmups;
    this.plannedMeasured = measured;
    this.coldRoundFactor = coldRoundFactor;
    boolean isShort = workload.shortRuns();
    int bulkWarmupFloor = coldRoundFactor >= COLD_DATABASE ? BULK_WARMUP_FLOOR_COLD : BULK_WARMUP_FLOOR;
    this.warmupFloor = Math.min(warmups, isShort ? SHORT_WARMUP_FLOOR : bulkWarmupFloor);
    this.measuredFloor = Math.min(measured, isShort ? SHORT_MEASURED_FLOOR : BULK_MEASURED_FLOOR);
  }

  /** Whether the next round of this workload is a warm-up round. */
  boolean warming() {
    return warmupsRun < warmups;
  }

  /** Whether every variant has had its rounds (or stopped). */
  boolean finished() {
    return !warming() && stats.stream().allMatch(Stats::done);
  }

  /** Rounds of this workload run so far: where the rotation of its variants starts. */
  int roundsRun() {
    return roundsRun;
  }

  void roundRan() {
    if (warming()) {
      warmupsRun++;
    }
    roundsRun++;
  }

  /**
   * Whether the rest can be foreseen: a round has run, so every variant has a time. After one
   * round that time is cold ({@link #coldRoundFactor}); cutting then already is what lets a slow
   * machine drop a bulk workload's second warm-up round instead of running it.
   */
  boolean costKnown() {
    return roundsRun >= 1 && stats.stream().allMatch(s -> s.done() || s.runNanos > 0);
  }

  /**
   * What the rounds still to run will take, each variant's at its quickest run so far (after only
   * one round, that run over {@link #coldRoundFactor}).
   */
  long projectedNanos() {
    int warmupsLeft = warmups - warmupsRun;
    long total = 0;
    int rounds = 0;
    for (Stats s : stats) {
      if (s.done()) {
        continue;
      }
      int left = warmupsLeft + (s.wanted - s.millis.size());
      total += left * s.runNanos;
      rounds = Math.max(rounds, left);
    }
    return warm(workload.freshPerVariant() ? total : total + rounds * setupNanos);
  }

  /**
   * Whether a round can be taken away: never from a workload whose round is cheap
   * ({@link #CHEAP_ROUND_NANOS}); else a warm-up round while more than the floor are planned and
   * some are still to run, or a measured round while more than the floor are wanted and none of
   * the variants has had it yet.
   */
  boolean canCut() {
    if (roundNanos() < CHEAP_ROUND_NANOS) {
      return false;
    }
    return (warming() && warmups > warmupFloor) || (measured > measuredFloor && measured > mostMeasured());
  }

  /** What one more round of every variant still to run costs (over {@link #coldRoundFactor} after one round). */
  long roundNanos() {
    long total = workload.freshPerVariant() ? 0 : setupNanos;
    for (Stats s : stats) {
      if (!s.done()) {
        total += s.runNanos;
      }
    }
    return warm(total);
  }

  /** {@code nanos} of runs timed so far as warm runs will take: over the cold factor while only one round has run. */
  private long warm(long nanos) {
    return roundsRun < 2 ? (long) (nanos / coldRoundFactor) : nanos;
  }

  /**
   * Takes one round away, a warm-up round first (see {@link #canCut()}). Every variant keeps the
   * same number of measured rounds, as the ratios pair them round by round.
   */
  void cut() {
    if (warming() && warmups > warmupFloor) {
      warmups--;
    } else if (measured > measuredFloor && measured > mostMeasured()) {
      measured--;
      for (Stats s : stats) {
        s.wanted = Math.min(s.wanted, measured);
      }
    }
  }

  private int mostMeasured() {
    int most = 0;
    for (Stats s : stats) {
      most = Math.max(most, s.millis.size());
    }
    return most;
  }

  /** Whether the budget took rounds from this workload. */
  boolean wasCut() {
    return warmups < plannedWarmups || measured < plannedMeasured;
  }

  /** The rounds it gets now, as the results page states them. */
  String rounds() {
    return warmups + " warm-up and " + measured + " measured round(s) (planned " + plannedWarmups + " and "
        + plannedMeasured + ")";
  }
}
