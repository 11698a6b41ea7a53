package org.jalchemy.exc;

import java.sql.SQLException;
import java.util.List;

/** A constraint was violated: unique, foreign key, not null or check (SQLSTATE class 23). */
public class IntegrityError extends DBAPIError {
  public IntegrityError(String statement, List<?> parameters, boolean hideParameters, SQLException cause) {
    super("integrity", statement, parameters, hideParameters, cause);
  }
}
