package org.jalchemy.exc;

import java.sql.SQLException;
import java.util.List;

/**
 * An error the database or its JDBC driver raised while running a statement, wrapped with the SQL
 * and the parameters that were sent. Subclasses sort errors by SQLSTATE class, as PEP 249 does:
 * {@link IntegrityError}, {@link OperationalError}, {@link ProgrammingError}, {@link DataError},
 * {@link NotSupportedError}, {@link InternalError}.
 *
 * <pre>{@code
 * try { conn.execute(insert(users).values(Map.of("name", "dup"))); }
 * catch (IntegrityError e) { e.sqlState(); e.statement(); e.parameters(); }
 * }</pre>
 */
public class DBAPIError extends JalchemyException {
  private final String statement;
  private final List<?> parameters;
  private final boolean hideParameters;

  public DBAPIError(String statement, List<?> parameters, boolean hideParameters, SQLException cause) {
    this("dbapi", statement, parameters, hideParameters, cause);
  }

  protected DBAPIError(
      String code, String statement, List<?> parameters, boolean hideParameters, Throwable cause) {
    super(code, describe(cause, statement, parameters, hideParameters), cause);
    this.statement = statement;
    this.parameters = parameters == null ? List.of() : parameters;
    this.hideParameters = hideParameters;
  }

  private static String describe(
      Throwable cause, String statement, List<?> parameters, boolean hide) {
    StringBuilder sb = new StringBuilder();
    sb.append('(').append(cause.getClass().getName()).append(") ").append(cause.getMessage());
    if (statement != null) {
      sb.append("\n[SQL: ").append(statement).append(']');
      if (hide) {
        sb.append("\n[SQL parameters hidden due to hideParameters=true]");
      } else if (parameters != null && !parameters.isEmpty()) {
        sb.append("\n[parameters: ").append(ParameterText.abbreviate(parameters)).append(']');
      }
    }
    return sb.toString();
  }

  /** The SQL text that failed, or null when the error happened outside a statement. */
  public String statement() {
    return statement;
  }

  /** The parameters sent with the statement; empty when {@link #parametersHidden()}. */
  public List<?> parameters() {
    return hideParameters ? List.of() : parameters;
  }

  /** True when the engine was created with hideParameters, so values never reach messages or logs. */
  public boolean parametersHidden() {
    return hideParameters;
  }

  /** The SQLSTATE of the driver's exception, or null when the driver gave none. */
  public String sqlState() {
    return getCause() instanceof SQLException e ? e.getSQLState() : null;
  }

  /** The vendor error code of the driver's exception, or 0. */
  public int vendorCode() {
    return getCause() instanceof SQLException e ? e.getErrorCode() : 0;
  }
}
