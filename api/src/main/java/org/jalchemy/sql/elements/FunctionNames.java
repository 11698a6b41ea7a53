package org.jalchemy.sql.elements;

import java.util.regex.Pattern;
import org.jalchemy.exc.ArgumentError;

/** Function names go into SQL as text, so only plain (optionally dotted) identifiers are accepted. */
final class FunctionNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)*");

  private FunctionNames() {}

  static String check(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ArgumentError(
          "invalid SQL function name " + (name == null ? "null" : "'" + name + "'")
              + ": a function name must be a plain identifier such as 'json_extract' or 'pg_catalog.lower'");
    }
    return name;
  }
}
