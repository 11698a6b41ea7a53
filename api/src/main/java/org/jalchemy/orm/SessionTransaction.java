package org.jalchemy.orm;

/**
 * The transaction of a {@link Session}, begun explicitly for try-with-resources:
 * {@link #commit()} flushes and commits; leaving the block without a commit rolls back (Java's
 * try-with-resources cannot see an exception, so the commit is written out, as with Core's
 * {@code Transaction}). {@link SessionMaker#transaction} is the form that commits on return.
 *
 * <pre>{@code
 * try (Session session = sessions.open(); SessionTransaction tx = session.begin()) {
 *   session.add(new User("sandy", "Sandy Cheeks"));
 *   tx.commit();
 * }
 * }</pre>
 */
public final class SessionTransaction implements AutoCloseable {
  private final Session session;
  private boolean active = true;

  SessionTransaction(Session session) {
    this.session = session;
  }

  /** Flushes and commits ({@link Session#commit()}). */
  public void commit() {
    if (active) {
      active = false;
      session.commit();
    }
  }

  /** Rolls back ({@link Session#rollback()}). */
  public void rollback() {
    if (active) {
      active = false;
      session.rollback();
    }
  }

  /** True until committed or rolled back. */
  public boolean isActive() {
    return active;
  }

  /** Rolls back unless committed. */
  @Override
  public void close() {
    rollback();
  }
}
