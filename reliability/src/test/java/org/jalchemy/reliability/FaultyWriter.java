package org.jalchemy.reliability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jalchemy.cdi.model.CdiAddress;
import org.jalchemy.cdi.model.CdiUser;
import org.jalchemy.orm.Session;

/** Writes a user and its address in one JTA transaction, failing at the point it is told to. */
@ApplicationScoped
public class FaultyWriter {
  /** Where the transaction fails. */
  public enum Fault {
    NONE,
    /** the method throws after adding, before anything was flushed */
    BEFORE_FLUSH,
    /** the session's flush in beforeCompletion fails (a duplicate of a unique name) */
    IN_FLUSH,
    /** the method flushes, then throws */
    AFTER_FLUSH,
    /** another participant fails in beforeCompletion, after the session flushed */
    AT_COMMIT
  }

  @Inject Session session;
  @Inject TransactionSynchronizationRegistry tsr;

  @Transactional
  public void write(String name, Fault fault) {
    CdiUser u = new CdiUser(fault == Fault.IN_FLUSH ? "taken" : name);
    u.getAddresses().add(new CdiAddress(name + "@faults.org"));
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
        // NONE commits; IN_FLUSH fails when the session flushes in beforeCompletion
      }
    }
  }
}
