package org.jalchemy.exc;

import java.sql.SQLException;
import java.util.List;

/** The database could not be reached or the operation could not run: connection lost, timeout, pool exhausted, deadlock (SQLSTATE classes 08, 40, 53, 57, HY, and pool timeouts). */
public class OperationalError extends DBAPIError {
  public OperationalError(String statement, List<?> parameters, boolean hideParameters, SQLException cause) {
    super("operational", statement, parameters, hideParameters, cause);
  }
}
