package org.jalchemy.sql.compiler;

import java.util.List;

/**
 * A compiled single-row INSERT cut around its VALUES row, so that an executemany can send many
 * rows per statement ({@code INSERT … VALUES (?, ?), (?, ?), …}), as SQLAlchemy's
 * "insertmanyvalues" does. The row's parameters are the statement's only parameters.
 *
 * <pre>{@code
 * InsertManyValues m = compiled.insertManyValues();
 * m.sql(3);  // INSERT INTO customer (name, description) VALUES (?, ?), (?, ?), (?, ?)
 * }</pre>
 *
 * @param prefix the SQL before the row, ending in {@code VALUES }
 * @param group the row, {@code (?, ?)}
 * @param suffix the SQL after the row (ON CONFLICT …), often empty
 * @param slotsPerRow the parameters of one row
 */
public record InsertManyValues(String prefix, String group, String suffix, int slotsPerRow) {
  /** The INSERT with {@code rows} copies of the VALUES row. */
  public String sql(int rows) {
    StringBuilder sb = new StringBuilder(prefix.length() + suffix.length() + rows * (group.length() + 2));
    sb.append(prefix);
    for (int r = 0; r < rows; r++) {
      if (r > 0) {
        sb.append(", ");
      }
      sb.append(group);
    }
    return sb.append(suffix).toString();
  }

  /** Sorts generated keys ascending, when they are comparable (numbers); leaves them as returned otherwise. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void sortAscending(List<Object> keys) {
    for (Object k : keys) {
      if (!(k instanceof Comparable)) {
        return;
      }
    }
    ((List) keys).sort(null);
  }
}
