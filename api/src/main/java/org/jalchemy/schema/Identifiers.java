package org.jalchemy.schema;

import org.jalchemy.exc.ArgumentError;

/**
 * Checks names given to tables, columns and constraints. Any name is allowed (it is quoted when
 * rendered) except empty ones and ones with a NUL character, which no database can store.
 */
public final class Identifiers {
  private Identifiers() {}

  /** Returns {@code name} when usable as an identifier; otherwise fails naming {@code what}. */
  public static String check(String name, String what) {
    if (name == null || name.isEmpty()) {
      throw new ArgumentError(what + " must not be empty");
    }
    if (name.indexOf('\0') >= 0) {
      throw new ArgumentError(what + " '" + name.replace("\0", "\\0") + "' contains a NUL character, which no database accepts in a name");
    }
    return name;
  }

  /**
   * A generated name (an index or constraint jalchemy names for you) cut to {@code max}
   * characters, ending in a hash of the full name so that two long names stay different. 60 fits
   * every supported database (PostgreSQL truncates at 63, MySQL refuses more than 64).
   */
  public static String shorten(String name, int max) {
    if (name.length() <= max) {
      return name;
    }
    return name.substring(0, max - 9) + "_" + String.format(java.util.Locale.ROOT, "%08x", name.hashCode());
  }
}
