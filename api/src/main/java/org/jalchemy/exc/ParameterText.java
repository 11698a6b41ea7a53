package org.jalchemy.exc;

import java.util.List;

/** Renders parameter lists for messages and logs, shortening long values so a log stays readable. */
public final class ParameterText {
  private static final int MAX_VALUE = 100;
  private static final int MAX_ROWS = 10;

  private ParameterText() {}

  /** A short text of parameters: each value cut to 100 characters, at most 10 rows of a batch shown. */
  public static String abbreviate(List<?> parameters) {
    StringBuilder sb = new StringBuilder("(");
    int shown = 0;
    for (Object p : parameters) {
      if (shown > 0) {
        sb.append(", ");
      }
      if (shown == MAX_ROWS && p instanceof List) {
        sb.append("... ").append(parameters.size() - MAX_ROWS).append(" more");
        break;
      }
      sb.append(p instanceof List<?> row ? abbreviate(row) : value(p));
      shown++;
    }
    return sb.append(')').toString();
  }

  private static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof byte[] b) {
      return "<" + b.length + " bytes>";
    }
    String text = v instanceof CharSequence ? "'" + v + "'" : String.valueOf(v);
    if (text.length() > MAX_VALUE) {
      return text.substring(0, MAX_VALUE) + "... (" + (text.length() - MAX_VALUE) + " characters truncated)";
    }
    return text;
  }
}
