package org.jalchemy.engine.internal;

import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.util.List;
import org.jalchemy.exc.ParameterText;

/**
 * The engine's SQL log. Every statement goes to the {@code System.Logger} named
 * {@code org.jalchemy.engine} at DEBUG; with {@code echo} on it is also printed, in the order sent,
 * with how its compiled form was obtained, as SQLAlchemy's {@code echo=True} does.
 */
public final class EchoLog {
  private static final System.Logger LOGGER = System.getLogger("org.jalchemy.engine");

  private final boolean echo;
  private final boolean hideParameters;
  private final PrintStream out;

  public EchoLog(boolean echo, boolean hideParameters, PrintStream out) {
    this.echo = echo;
    this.hideParameters = hideParameters;
    this.out = out;
  }

  /** Whether anything would be written, so callers can skip building messages. */
  public boolean enabled() {
    return echo || LOGGER.isLoggable(Level.DEBUG);
  }

  /** A plain line: BEGIN (implicit), COMMIT, ROLLBACK, DDL. */
  public void line(String text) {
    if (echo) {
      out.println("[jalchemy] " + text);
    }
    LOGGER.log(Level.DEBUG, text);
  }

  /** A statement and its parameters; {@code how} is e.g. "[generated in 0.00012s]". */
  public void statement(String sql, String how, List<?> parameters, boolean many) {
    if (!enabled()) {
      return;
    }
    String params;
    if (hideParameters) {
      params = "[SQL parameters hidden due to hideParameters=true]";
    } else if (many) {
      params = "[" + parameters.size() + " parameter sets] " + ParameterText.abbreviate(parameters);
    } else {
      params = ParameterText.abbreviate(parameters);
    }
    line(sql);
    // how is null when logging was switched on between compiling and sending.
    line(how == null ? params : how + " " + params);
  }
}
