package org.jalchemy.cdi.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.sql.DataSource;
import javax.sql.XADataSource;

/**
 * The application's own DataSource bean, which the extension's default Engine uses when no
 * {@code jalchemy.url}/{@code jalchemy.datasource} is set: here an XA database enlisted in
 * Narayana's transactions, chosen by the test before the container starts.
 */
@ApplicationScoped
public class JtaDataSources {
  /** The XA database the next container's DataSource bean enlists. */
  public static volatile XADataSource target;

  @Produces
  @Dependent
  DataSource dataSource(TransactionManager tm, TransactionSynchronizationRegistry tsr) {
    if (target == null) {
      throw new IllegalStateException("set JtaDataSources.target before booting a container that uses it");
    }
    return new EnlistingDataSource(target, tm, tsr);
  }
}
