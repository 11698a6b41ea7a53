package org.jalchemy.sql;

/** Something that may stand in ORDER BY: an expression, or an expression with a direction. */
public interface OrderByItem {
  /** The element as it appears in ORDER BY. */
  ClauseElement orderByElement();
}
