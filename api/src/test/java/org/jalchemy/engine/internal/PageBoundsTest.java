package org.jalchemy.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where insertmanyvalues pages begin: by row count, and sooner where the values would pass the byte cap. */
class PageBoundsTest {
  private static List<List<Object>> rows(int n, String value) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(List.of(i, value));
    }
    return rows;
  }

  @Test
  void withoutACapPagesAreFullButTheLast() {
    assertThat(PageBounds.of(rows(2500, "x"), 1000, 0)).containsExactly(0, 1000, 2000, 2500);
    assertThat(PageBounds.of(rows(2000, "x"), 1000, 0)).containsExactly(0, 1000, 2000);
  }

  @Test
  void smallRowsUnderACapStillFillWholePages() {
    assertThat(PageBounds.of(rows(2500, "x"), 1000, 16_000_000)).containsExactly(0, 1000, 2000, 2500);
  }

  @Test
  void largeRowsAreCutIntoPagesWithinTheCap() {
    String body = "y".repeat(1000); // counted as 3,000 bytes + 32 for the number + 8 of framing = 3,040
    int[] starts = PageBounds.of(rows(10, body), 1000, 7_000);
    assertThat(starts).containsExactly(0, 2, 4, 6, 8, 10);
    for (int p = 0; p + 1 < starts.length; p++) {
      long bytes = 0;
      for (int i = starts[p]; i < starts[p + 1]; i++) {
        bytes += PageBounds.bytes(rows(10, body).get(i));
      }
      assertThat(bytes).isLessThanOrEqualTo(7_000);
    }
  }

  @Test
  void aRowLargerThanTheCapGoesAlone() {
    List<List<Object>> rows = new ArrayList<>(rows(3, "a"));
    rows.add(1, List.of(99, "z".repeat(10_000)));
    assertThat(PageBounds.of(rows, 1000, 5_000)).containsExactly(0, 1, 2, 4);
  }
}
