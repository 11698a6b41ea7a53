package org.jalchemy.exc;

import java.sql.SQLException;
import java.util.List;

/** The database does not support what was asked (SQLSTATE class 0A). */
public class NotSupportedError extends DBAPIError {
  public NotSupportedError(String statement, List<?> parameters, boolean hideParameters, SQLException cause) {
    super("notsupported", statement, parameters, hideParameters, cause);
  }
}
