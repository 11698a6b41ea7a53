package org.jalchemy.schema;

import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX name ON table (columns)}, created and dropped with its table.
 *
 * @param name the index name
 * @param table the indexed table
 * @param columns the indexed columns, in order
 * @param unique whether the index is unique
 */
public record Index(String name, Table table, List<Column<?>> columns, boolean unique) {
  public Index {
    Identifiers.check(name, "index name");
    columns = List.copyOf(columns);
  }
}
