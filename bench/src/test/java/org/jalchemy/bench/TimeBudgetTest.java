package org.jalchemy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time budget takes rounds from the costliest workload first, never below the floors, and keeps paired rounds equal. */
class TimeBudgetTest {
  private static final long SECOND = 1_000_000_000L;

  /** A workload of {@code variants} variants each taking {@code seconds} a run, after two warm-up rounds. */
  private static Schedule workload(String name, int factor, int variants, double seconds, int warmups, int measured) {
    List<Variant> vs = new ArrayList<>();
    for (int i = 0; i < variants; i++) {
      vs.add(new Variant(name + " " + i, () -> 0, Variant.Check.RETURNED));
    }
    Workload w = new Workload(name, 0, true, 0, name + " 0", vs, factor, factor > 1);
    List<Stats> stats = new ArrayList<>();
    for (Variant v : vs) {
      Stats s = new Stats(w, v, measured);
      s.runNanos = (long) (seconds * SECOND);
      stats.add(s);
    }
    Schedule sc = new Schedule(w, stats, warmups, measured, 2.5);
    sc.roundRan(); // two warm-up rounds ran: the budget looks at the rest only from then on
    sc.roundRan();
    return sc;
  }

  @Test
  void whatFitsIsLeftAlone() {
    Schedule bulk = workload("bulk", 1, 2, 1.0, 3, 5); // 1 warm-up + 5 measured left, 2 variants: 12 s
    List<String> cuts = TimeBudget.seconds(13, 0).fit(List.of(bulk), 0);
    assertThat(cuts).isEmpty();
    assertThat(bulk.wasCut()).isFalse();
    assertThat(bulk.projectedNanos()).isEqualTo(12 * SECOND);
  }

  @Test
  void theCostliestWorkloadGivesUpItsWarmUpFirstThenMeasuredRounds() {
    Schedule bulk = workload("bulk", 1, 2, 10.0, 3, 5); // 1 warm-up + 5 measured left: 120 s
    Schedule cheap = workload("cheap", 2, 2, 0.1, 5, 10); // 3 + 10 left: 2.6 s
    List<String> cuts = TimeBudget.seconds(90, 0).fit(List.of(bulk, cheap), 0);
    // 120 -> 100 (the third warm-up) -> 80 (one measured round): fits with the cheap one's 2.6 s
    assertThat(cuts).containsExactly(
        "time budget: 90 s left, 123 s to run: bulk now gets 2 warm-up and 4 measured round(s) (planned 3 and 5)");
    assertThat(bulk.rounds()).startsWith("2 warm-up and 4 measured");
    assertThat(cheap.wasCut()).isFalse();
    assertThat(bulk.stats).allSatisfy(s -> assertThat(s.wanted).isEqualTo(4));
  }

  @Test
  void noWorkloadGoesBelowItsFloor() {
    Schedule bulk = workload("bulk", 1, 2, 10.0, 2, 5);
    Schedule shortOne = workload("short", 2, 3, 1.0, 5, 10);
    TimeBudget.seconds(1, 0).fit(List.of(bulk, shortOne), 0);
    // the bulk workload's two warm-up rounds have run; its measured rounds go down to the floor
    assertThat(bulk.rounds()).startsWith("2 warm-up and " + Schedule.BULK_MEASURED_FLOOR + " measured");
    assertThat(shortOne.rounds()).startsWith(Schedule.SHORT_WARMUP_FLOOR + " warm-up and " + Schedule.SHORT_MEASURED_FLOOR + " measured");
    assertThat(bulk.canCut()).isFalse();
    assertThat(shortOne.canCut()).isFalse();
  }

  @Test
  void aWorkloadWhoseRoundCostsUnderASecondKeepsItsRounds() {
    Schedule bulk = workload("bulk", 1, 2, 10.0, 2, 5);
    Schedule cheap = workload("cheap", 2, 4, 0.2, 5, 10); // 0.8 s a round: 13 rounds left, 10.4 s
    TimeBudget.seconds(1, 0).fit(List.of(bulk, cheap), 0);
    assertThat(cheap.wasCut()).isFalse();
    assertThat(cheap.stats).allSatisfy(s -> assertThat(s.wanted).isEqualTo(10));
    assertThat(bulk.rounds()).startsWith("2 warm-up and " + Schedule.BULK_MEASURED_FLOOR + " measured");
  }

  @Test
  void aColdDatabaseKeepsTwoWarmUpRoundsOfItsBulkWorkloads() {
    Schedule bulk = workload("bulk", 1, 2, 10.0, 2, 5);
    Schedule onH2 = new Schedule(bulk.workload, bulk.stats, 2, 5, 2.5);
    Schedule onMariaDb = new Schedule(bulk.workload, bulk.stats, 2, 5, 1.1);
    onH2.roundRan();
    onMariaDb.roundRan();
    TimeBudget.seconds(1, 0).fit(List.of(onH2), 0);
    TimeBudget.seconds(1, 0).fit(List.of(onMariaDb), 0);
    assertThat(onH2.rounds()).startsWith("2 warm-up and 2 measured");
    assertThat(onMariaDb.rounds()).startsWith("1 warm-up and 2 measured");
  }

  @Test
  void roundsAlreadyMeasuredAreNeverTakenBack() {
    Schedule bulk = workload("bulk", 1, 2, 10.0, 1, 5);
    for (Stats s : bulk.stats) {
      s.millis.addAll(List.of(1.0, 1.0, 1.0, 1.0)); // four of five measured rounds done
    }
    TimeBudget.seconds(1, 0).fit(List.of(bulk), 0);
    assertThat(bulk.stats).allSatisfy(s -> assertThat(s.wanted).isEqualTo(4));
    assertThat(bulk.finished()).isTrue();
  }

  @Test
  void aSlowVariantMeasuredOnceCostsNothingMore() {
    Schedule bulk = workload("bulk", 1, 2, 1.0, 2, 5);
    Stats slow = bulk.stats.get(1);
    slow.runNanos = 20 * SECOND;
    slow.slow = true;
    slow.wanted = 1;
    slow.millis.add(20_000.0);
    assertThat(bulk.projectedNanos()).isEqualTo(5 * SECOND); // the other variant's 5 measured runs
  }

  @Test
  void nothingIsCutBeforeARoundRan() {
    Schedule bulk = workload("bulk", 1, 2, 1000.0, 3, 5);
    Schedule untouched = new Schedule(bulk.workload, bulk.stats, 3, 5, 2.5);
    assertThat(TimeBudget.seconds(1, 0).fit(List.of(untouched), 0)).isEmpty();
    assertThat(untouched.wasCut()).isFalse();
  }

  @Test
  void afterOneRoundTheColdRunsAreTakenAsTheDatabasesColdFactorTimesTheWarmOnes() {
    Schedule bulk = workload("bulk", 1, 2, 5.0, 2, 5);
    Schedule afterOne = new Schedule(bulk.workload, bulk.stats, 2, 5, 1.25); // a server's factor
    afterOne.roundRan(); // one cold round of 5 s a variant: 1 warm-up + 5 measured left, 2 variants
    assertThat(afterOne.projectedNanos()).isEqualTo(48 * SECOND); // 60 s at the cold times
    assertThat(TimeBudget.seconds(50, 0).fit(List.of(afterOne), 0)).isEmpty();
    List<String> cuts = TimeBudget.seconds(42, 0).fit(List.of(afterOne), 0);
    // 48 s -> 40 s without the second warm-up round: the machine that is slow from the start saves it
    assertThat(cuts).containsExactly(
        "time budget: 42 s left, 48 s to run: bulk now gets 1 warm-up and 5 measured round(s) (planned 2 and 5)");
  }

  @Test
  void theQuickestRunSetsTheForecast() {
    Schedule bulk = workload("bulk", 1, 1, 0, 3, 5);
    Stats s = bulk.stats.get(0);
    s.runNanos = 0;
    s.ran(4 * SECOND); // cold
    s.ran(SECOND);
    s.ran(2 * SECOND);
    assertThat(bulk.projectedNanos()).isEqualTo(6 * SECOND); // 1 warm-up + 5 measured at 1 s
  }

  @Test
  void noBudgetCutsNothing() {
    Schedule bulk = workload("bulk", 1, 2, 1000.0, 2, 5);
    assertThat(TimeBudget.none().fit(List.of(bulk), 0)).isEmpty();
    assertThat(TimeBudget.seconds(0, 0).fit(List.of(bulk), 0)).isEmpty();
  }

  @Test
  void theDatabasesShareTheBudgetByWeight() {
    // PostgreSQL 3, SQLite 1.5, H2 1.5, MariaDB 4 of 10
    assertThat(Main.share(900, List.of("postgresql", "sqlite", "h2", "mariadb"))).isEqualTo(270.0);
    assertThat(Main.share(550, List.of("h2", "mariadb"))).isEqualTo(150.0);
  }
}
