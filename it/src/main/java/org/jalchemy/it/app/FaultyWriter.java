package org.jalchemy.it.app;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jalchemy.orm.Session;

/** Writes a user and its address in one container transaction, failing where it is told to (reliability). */
@ApplicationScoped
public class FaultyWriter {
  /** Where the transaction fails. */
  public enum Fault {
    NONE,
    BEFORE_FLUSH,
    /** the flush in beforeCompletion fails: a duplicate of a unique name */
    IN_FLUSH,
    AFTER_FLUSH,
    /** another participant fails in beforeCompletion, after the session flushed */
    AT_COMMIT
  }

  @Inject Session session;

  @Resource
  TransactionSynchronizationRegistry tsr;

  @Transactional
  public void write(String name, Fault fault) {
    ItUser u = new ItUser(fault == Fault.IN_FLUSH ? "it-fault-taken" : name, null);
    u.getAddresses().add(new ItAddress(name + "@faults.org"));
    session.add(u);
    switch (fault) {
      case BEFORE_FLUSH -> throw new IllegalStateException("injected before flush");
      case AFTER_FLUSH -> {
        session.flush();
        throw new IllegalStateException("injected after flush");
      }
      case AT_COMMIT -> tsr.registerInterposedSynchronization(new Synchronization() {
        @Override
        public void beforeCompletion() {
          throw new IllegalStateException("injected at commit");
        }

        @Override
        public void afterCompletion(int status) {}
      });
      default -> {
        // NONE commits; IN_FLUSH fails when the session flushes
      }
    }
  }
}
