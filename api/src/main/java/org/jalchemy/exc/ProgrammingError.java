package org.jalchemy.exc;

import java.sql.SQLException;
import java.util.List;

/** The SQL is wrong for the database: syntax error, missing table or column, permission (SQLSTATE classes 42, 3F, 26, 34). */
public class ProgrammingError extends DBAPIError {
  public ProgrammingError(String statement, List<?> parameters, boolean hideParameters, SQLException cause) {
    super("programming", statement, parameters, hideParameters, cause);
  }
}
