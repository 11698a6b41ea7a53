package org.jalchemy.engine.internal;

import java.util.Arrays;
import java.util.List;

/**
 * Where the pages of an insertmanyvalues executemany begin: every {@code pageRows} rows, or
 * sooner where the dialect caps the bytes one statement may carry (MariaDB refuses a statement
 * larger than {@code max_allowed_packet} and drops the connection). A page then holds the rows
 * that fit, at least one; a row larger than the cap on its own goes alone and the server decides.
 *
 * <pre>{@code
 * int[] starts = PageBounds.of(batch, 1000, dialect.insertManyValuesMaxBytes()); // last entry: batch.size()
 * }</pre>
 */
public final class PageBounds {
  private PageBounds() {}

  /** Bytes counted per value besides its own: separators, quotes, a length prefix. */
  private static final int PER_VALUE = 4;
  /** What a value that is not text or bytes (numbers, dates, flags) is counted as at most. */
  private static final int SCALAR = 32;

  /**
   * The first row of each page, then {@code rows.size()}: pages of {@code pageRows} rows, each
   * within {@code maxBytes} of values as far as its rows allow ({@code maxBytes} 0: no cap, and
   * the values are not looked at).
   */
  public static int[] of(List<List<Object>> rows, int pageRows, long maxBytes) {
    int n = rows.size();
    int[] starts = new int[(n + pageRows - 1) / pageRows + 1]; // enough unless the cap cuts pages short
    int pages = 0;
    int inPage = 0;
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      long row = maxBytes > 0 ? bytes(rows.get(i)) : 0;
      if (inPage == pageRows || (inPage > 0 && maxBytes > 0 && bytes + row > maxBytes)) {
        inPage = 0;
        bytes = 0;
      }
      if (inPage == 0) {
        if (pages == starts.length - 1) {
          starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[pages++] = i;
      }
      inPage++;
      bytes += row;
    }
    starts[pages] = n;
    return pages + 1 == starts.length ? starts : Arrays.copyOf(starts, pages + 1);
  }

  /**
   * An upper bound of a row's values on the wire: text at three bytes a character (UTF-8 of
   * any character outside ASCII; an escaped quote takes two), bytes at two (hex in the text protocol).
   */
  static long bytes(List<Object> row) {
    long total = 0;
    for (int i = 0; i < row.size(); i++) {
      Object v = row.get(i);
      if (v instanceof CharSequence s) {
        total += 3L * s.length();
      } else if (v instanceof byte[] b) {
        total += 2L * b.length;
      } else {
        total += SCALAR;
      }
      total += PER_VALUE;
    }
    return total;
  }
}
