package org.jalchemy.cdi.app;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/**
 * What an application server's DataSource does, for the SE tests: inside a JTA transaction every
 * getConnection() returns a handle on one XA connection enlisted in that transaction (closed after
 * it ends); outside one, a plain connection in auto-commit.
 */
public final class EnlistingDataSource implements DataSource {
  private final XADataSource xa;
  private final TransactionManager tm;
  private final TransactionSynchronizationRegistry tsr;
  private final Object key = new Object();

  public EnlistingDataSource(XADataSource xa, TransactionManager tm, TransactionSynchronizationRegistry tsr) {
    this.xa = xa;
    this.tm = tm;
    this.tsr = tsr;
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      Transaction tx = tm.getTransaction();
      if (tx == null || tx.getStatus() != Status.STATUS_ACTIVE) {
        XAConnection plain = xa.getXAConnection();
        return handle(plain.getConnection(), plain);
      }
      Connection enlisted = (Connection) tsr.getResource(key);
      if (enlisted == null) {
        XAConnection xc = xa.getXAConnection();
        tx.enlistResource(xc.getXAResource());
        enlisted = xc.getConnection();
        tsr.putResource(key, enlisted);
        tsr.registerInterposedSynchronization(new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            try {
              xc.close();
            } catch (SQLException ignored) {
              // the transaction is over; nothing to keep
            }
          }
        });
      }
      return handle(enlisted, null);
    } catch (SQLException e) {
      throw e;
    } catch (Exception e) {
      throw new SQLException("cannot enlist in the JTA transaction", e);
    }
  }

  /** A handle whose close() closes {@code owner} (plain use) or nothing (the transaction closes it). */
  private static Connection handle(Connection c, XAConnection owner) {
    return (Connection) Proxy.newProxyInstance(EnlistingDataSource.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            if (owner != null) {
              owner.close();
            }
            return null;
          }
          try {
            return method.invoke(c, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
