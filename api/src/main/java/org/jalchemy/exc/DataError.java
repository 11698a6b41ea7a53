package org.jalchemy.exc;

import java.sql.SQLException;
import java.util.List;

/** A value does not fit its column: too long, out of range, wrong format (SQLSTATE class 22). */
public class DataError extends DBAPIError {
  public DataError(String statement, List<?> parameters, boolean hideParameters, SQLException cause) {
    super("data", statement, parameters, hideParameters, cause);
  }
}
