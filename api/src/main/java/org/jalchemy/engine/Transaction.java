package org.jalchemy.engine;

/**
 * A transaction on a {@link Connection}, for try-with-resources: {@link #commit()} makes it
 * permanent; leaving the block without a commit rolls it back.
 *
 * <pre>{@code
 * try (Connection conn = engine.connect(); Transaction tx = conn.begin()) {
 *   conn.execute(insert(users).values(Map.of("name", "sandy")));
 *   tx.commit();
 * }
 * }</pre>
 */
public final class Transaction implements AutoCloseable {
  private final Connection connection;
  private boolean active = true;

  Transaction(Connection connection) {
    this.connection = connection;
  }

  /** Commits the transaction. */
  public void commit() {
    if (active) {
      active = false;
      connection.commit();
    }
  }

  /** Rolls the transaction back. */
  public void rollback() {
    if (active) {
      active = false;
      connection.rollback();
    }
  }

  /** True until committed or rolled back. */
  public boolean isActive() {
    return active;
  }

  /** Rolls back unless committed; nothing to do once the connection itself was closed (which rolled back). */
  @Override
  public void close() {
    if (active && connection.isClosed()) {
      active = false;
      return;
    }
    rollback();
  }
}
