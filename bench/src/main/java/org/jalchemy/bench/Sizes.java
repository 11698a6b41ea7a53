package org.jalchemy.bench;

/**
 * How much work each workload does, and how often it is repeated.
 *
 * @param rows rows of the bulk insert, the large result and the bulk update (issue 6: 100,000)
 * @param singles single-row transactions (2,000)
 * @param lookups primary-key lookups (5,000)
 * @param lookupTable rows in the table the lookups read (10,000)
 * @param warmup rounds run first and not counted, for the JIT
 * @param rounds measured rounds; the table shows their median
 * @param slowSeconds a variant whose warm-up run takes longer is measured once only
 */
public record Sizes(int rows, int singles, int lookups, int lookupTable, int warmup, int rounds, double slowSeconds) {

  /**
   * The sizes issue 6 asks for. The slow limit, 6 s, takes Hibernate's IDENTITY insert (one INSERT
   * per row: 7–12 s a run on the servers, 17–53 times raw JDBC) out of the repeated rounds, where it
   * was a fifth of each server's time, and leaves every other variant its rounds (the slowest, the
   * bulk updates on MariaDB, 2–3.5 s).
   */
  public static Sizes full() {
    return new Sizes(100_000, 2_000, 5_000, 10_000, 1, 5, 6);
  }

  /**
   * Tiny sizes for CI's smoke pass: every variant twice (state kept across rounds, such as a
   * sequence's cached keys, must not break the second), checked, seconds in all.
   */
  public static Sizes smoke() {
    return new Sizes(300, 20, 50, 100, 0, 2, 15);
  }
}
