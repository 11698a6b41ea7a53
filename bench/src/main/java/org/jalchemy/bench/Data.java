package org.jalchemy.bench;

/** The rows every variant writes: the same strings as SQLAlchemy's performance suite. */
public final class Data {
  private Data() {}

  /** The name of row i. */
  public static String name(int i) {
    return "customer name " + i;
  }

  /** The description of row i. */
  public static String description(int i) {
    return "customer description " + i;
  }

  /** The description the bulk-update workload writes. */
  public static String updated(int id) {
    return "updated " + id;
  }

  /** A small object raw JDBC and jOOQ read rows into. */
  public record Small(int id, String name, String description) {}
}
