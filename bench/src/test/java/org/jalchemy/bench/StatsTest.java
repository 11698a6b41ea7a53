package org.jalchemy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ratios between variants: the median of the round-by-round ratios, not the ratio of the medians. */
class StatsTest {
  private static Stats runs(Double... millis) {
    Stats s = new Stats(null, null, millis.length);
    s.millis.addAll(List.of(millis));
    return s;
  }

  @Test
  void theRatioIsTheMedianOfEachRoundsRatio() {
    Stats raw = runs(100.0, 200.0, 100.0);
    Stats lib = runs(150.0, 220.0, 130.0);
    // rounds: 1.5, 1.1, 1.3 -> 1.3, where the medians (150 / 100) would say 1.5
    assertThat(lib.ratioTo(raw)).isCloseTo(1.3, within(1e-9));
    assertThat(lib.median() / raw.median()).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void aSlowSpellThatHitsBothRunsOfARoundCancels() {
    Stats raw = runs(100.0, 200.0, 200.0, 200.0, 100.0);
    Stats lib = runs(110.0, 220.0, 220.0, 220.0, 110.0);
    assertThat(lib.ratioTo(raw)).isCloseTo(1.1, within(1e-9));
  }

  @Test
  void aVariantMeasuredOnceFallsBackToTheRatioOfMedians() {
    Stats slow = runs(5000.0);
    Stats raw = runs(100.0, 120.0, 110.0);
    assertThat(slow.ratioTo(raw)).isCloseTo(5000.0 / 110.0, within(1e-9));
  }
}
