package org.jalchemy.schema;

import java.util.List;

/**
 * {@code UNIQUE (a, b)} over one or more columns of a table.
 *
 * @param name the constraint name, or null to let the database pick one
 * @param columns the columns, in order
 */
public record UniqueConstraint(String name, List<Column<?>> columns) {
  public UniqueConstraint {
    columns = List.copyOf(columns);
  }
}
