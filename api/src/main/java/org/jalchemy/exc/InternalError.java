package org.jalchemy.exc;

import java.sql.SQLException;
import java.util.List;

/** The database reported an internal error or a broken transaction state (SQLSTATE classes XX, 25, 2D). */
public class InternalError extends DBAPIError {
  public InternalError(String statement, List<?> parameters, boolean hideParameters, SQLException cause) {
    super("internal", statement, parameters, hideParameters, cause);
  }
}
