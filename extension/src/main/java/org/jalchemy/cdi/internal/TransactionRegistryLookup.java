package org.jalchemy.cdi.internal;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds the JTA TransactionSynchronizationRegistry once: at its standard JNDI name (application
 * servers), else as a CDI bean (Narayana's CDI module in Java SE); none means no JTA, and sessions
 * keep their own transactions.
 */
final class TransactionRegistryLookup implements Supplier<TransactionSynchronizationRegistry> {
  static final String JNDI_NAME = "java:comp/TransactionSynchronizationRegistry";

  private final BeanManager beans;
  private volatile boolean looked;
  private volatile TransactionSynchronizationRegistry found;

  TransactionRegistryLookup(BeanManager beans) {
    this.beans = beans;
  }

  @Override
  public TransactionSynchronizationRegistry get() {
    if (!looked) {
      found = lookup();
      looked = true;
    }
    return found;
  }

  private TransactionSynchronizationRegistry lookup() {
    try {
      Object o = new InitialContext().lookup(JNDI_NAME);
      if (o instanceof TransactionSynchronizationRegistry tsr) {
        return tsr;
      }
    } catch (NamingException | RuntimeException | NoClassDefFoundError notThere) {
      // no JNDI (Java SE): try CDI
    }
    try {
      var instance = beans.createInstance().select(TransactionSynchronizationRegistry.class);
      return instance.isResolvable() ? instance.get() : null;
    } catch (RuntimeException | NoClassDefFoundError noJta) {
      return null;
    }
  }
}
