package org.jalchemy.cdi.internal;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Supplier;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.TransactionBinder;

/**
 * Joins a session to the JTA transaction active on the calling thread, on the session's first use
 * in it: the session then works on the container's (enlisted) connection, flushes in
 * {@code beforeCompletion} and settles its objects in {@code afterCompletion}. Without a
 * transaction manager, or outside a transaction, the session keeps its own transactions.
 */
final class JtaBinder implements TransactionBinder {
  static final String OWNER = "the JTA transaction";

  private final Supplier<TransactionSynchronizationRegistry> registry;

  JtaBinder(Supplier<TransactionSynchronizationRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public void beforeUse(Session session) {
    if (session.inExternalTransaction()) {
      return;
    }
    TransactionSynchronizationRegistry tsr = registry.get();
    if (tsr == null) {
      return;
    }
    int status = tsr.getTransactionStatus();
    if (status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK) {
      session.joinExternalTransaction(OWNER);
      tsr.registerInterposedSynchronization(new SessionSynchronization(session, tsr));
    }
  }

  /** The session's part in the end of one JTA transaction. */
  private static final class SessionSynchronization implements Synchronization {
    private final Session session;
    private final TransactionSynchronizationRegistry tsr;

    SessionSynchronization(Session session, TransactionSynchronizationRegistry tsr) {
      this.session = session;
      this.tsr = tsr;
    }

    @Override
    public void beforeCompletion() {
      if (tsr.getTransactionStatus() != Status.STATUS_ACTIVE) {
        return; // rolling back: nothing to write
      }
      try {
        session.beforeExternalCompletion();
      } catch (RuntimeException e) {
        // the transaction must not commit without the session's changes; the caller sees e as the cause
        tsr.setRollbackOnly();
        throw e;
      }
    }

    @Override
    public void afterCompletion(int status) {
      session.afterExternalCompletion(status == Status.STATUS_COMMITTED);
    }
  }
}
