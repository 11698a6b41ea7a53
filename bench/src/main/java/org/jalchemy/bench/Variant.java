package org.jalchemy.bench;

/**
 * One library's way of doing one workload: a timed body, and how its correctness is checked.
 *
 * @param label the row label in the results table
 * @param body the timed work; returns the number of rows it produced, read or changed
 * @param check what the returned number (or the table afterwards) must show
 * @param target issue 6's target for a jalchemy variant, as a ratio to {@code targetAgainst}; 0 when
 *     none is set
 * @param targetAgainst the label of the raw JDBC variant the target is taken against: the one that
 *     does the same work (keeps every row or streams them; reads the generated key back); null for
 *     the workload's fastest raw JDBC variant
 */
public record Variant(String label, Body body, Check check, double target, String targetAgainst) {

  /** A variant with a target against the workload's fastest raw JDBC variant. */
  public Variant(String label, Body body, Check check, double target) {
    this(label, body, check, target, null);
  }

  /** A variant without a target. */
  public Variant(String label, Body body, Check check) {
    this(label, body, check, 0, null);
  }

  /** The timed work of a variant. */
  @FunctionalInterface
  public interface Body {
    /** Does the work once; returns the number of rows inserted, read or updated. */
    long run() throws Exception;
  }

  /** How a run is verified (never its time). */
  public enum Check {
    /** The table holds the expected number of rows afterwards. */
    TABLE_ROWS,
    /** The body returned the expected number of rows. */
    RETURNED,
    /** The expected number of rows have the updated description afterwards. */
    UPDATED_ROWS
  }

  /** Thrown by a variant whose library part is not built yet; reported as n/a, not as a failure. */
  public static final class NotAvailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the variant cannot run. */
    public NotAvailable(String reason) {
      super(reason);
    }
  }
}
