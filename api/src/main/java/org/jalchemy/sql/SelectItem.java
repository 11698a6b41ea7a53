package org.jalchemy.sql;

import java.util.List;

/**
 * Something that can be selected: a column expression gives itself; a mapped class (ORM) gives
 * the columns it is loaded from.
 */
public interface SelectItem {
  /** The column expressions this item puts into the SELECT list, in order. */
  List<Expression<?>> selectedColumns();
}
