package org.jalchemy.sql;

import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;

/**
 * Any piece of a SQL statement. Elements are immutable; the compiler walks them by double dispatch
 * ({@link #compileTo}), and {@link #appendCacheKey} describes their structure, leaving out bound
 * values, so that statements of the same shape share one compiled form.
 */
public abstract class ClauseElement {
  /** Renders this element by calling the compiler's visit method for its kind. */
  public abstract void compileTo(SqlCompiler compiler);

  /**
   * Appends what makes this element's SQL what it is (kinds, names, operators, column identities),
   * and registers its bound parameters in traversal order. Values are never part of the key.
   */
  public abstract void appendCacheKey(CacheKey key);
}
