package org.jalchemy.schema;

import java.util.List;

/**
 * A (possibly composite) foreign key: {@code FOREIGN KEY (a, b) REFERENCES t (x, y)}. Column-level
 * {@link ForeignKey}s each form a single-column constraint.
 *
 * @param name the constraint name, or null
 * @param elements the column-to-column references, in order; all point into one table
 */
public record ForeignKeyConstraint(String name, List<ForeignKey> elements) {
  public ForeignKeyConstraint {
    elements = List.copyOf(elements);
  }

  /** The referencing table. */
  public Table table() {
    return elements.get(0).parent().table();
  }

  /** The referencing columns. */
  public List<Column<?>> columns() {
    return elements.stream().<Column<?>>map(ForeignKey::parent).toList();
  }

  /** The referenced table, resolved through the MetaData. */
  public Table referredTable() {
    return elements.get(0).column().table();
  }

  /** The referenced columns. */
  public List<Column<?>> referredColumns() {
    return elements.stream().<Column<?>>map(ForeignKey::column).toList();
  }

  /** ON DELETE action of the constraint, or null. */
  public ForeignKey.Action onDelete() {
    return elements.get(0).onDelete();
  }

  /** ON UPDATE action of the constraint, or null. */
  public ForeignKey.Action onUpdate() {
    return elements.get(0).onUpdate();
  }
}
