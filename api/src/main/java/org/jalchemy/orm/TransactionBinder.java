package org.jalchemy.orm;

/**
 * Called by a {@link Session} before each piece of work (adding, querying, flushing, loading), so
 * that a container integration can join the session to the transaction active on the calling
 * thread: {@link Session#joinExternalTransaction} plus a synchronization that calls
 * {@link Session#beforeExternalCompletion()} and {@link Session#afterExternalCompletion(boolean)}.
 * Joining is idempotent, so the binder only needs to check whether a transaction is active.
 *
 * <pre>{@code
 * SessionMaker sessions = SessionMaker.of(engine).withTransactionBinder(session -> {
 *   if (tsr.getTransactionStatus() == Status.STATUS_ACTIVE && !session.inExternalTransaction()) {
 *     session.joinExternalTransaction("the JTA transaction");
 *     tsr.registerInterposedSynchronization(new SessionSynchronization(session));
 *   }
 * });
 * }</pre>
 */
@FunctionalInterface
public interface TransactionBinder {
  void beforeUse(Session session);
}
