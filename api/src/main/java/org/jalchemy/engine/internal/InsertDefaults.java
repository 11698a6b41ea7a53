package org.jalchemy.engine.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jalchemy.schema.Column;
import org.jalchemy.sql.Insert;

/**
 * Java-side column defaults ({@code Column.defaultValue(…)}): computed for each INSERT that gives
 * no value for the column, so the database receives them as ordinary parameters.
 */
public final class InsertDefaults {
  private InsertDefaults() {}

  /** The insert with a value for each defaulted column it leaves out (single-row VALUES only). */
  public static Insert<?> apply(Insert<?> insert) {
    if (insert.fromSelect() != null || insert.rows().size() > 1) {
      return insert;
    }
    Map<Column<?>, Object> extra = null;
    Map<Column<?>, ?> given = insert.rows().isEmpty() ? Map.of() : insert.rows().get(0);
    for (Column<?> c : insert.table().columns()) {
      Supplier<?> d = c.defaultValue();
      if (d != null && !given.containsKey(c)) {
        if (extra == null) {
          extra = new LinkedHashMap<>();
        }
        extra.put(c, d.get());
      }
    }
    return extra == null ? insert : insert.values(extra);
  }

  /** Adds defaulted columns' values to each parameter set of an executemany. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> apply(Insert<?> insert, List<? extends Map<String, ?>> params) {
    // a loop, not a stream: a single-row execute(insert(table), map) passes through here every time
    List<Column<?>> defaulted = null;
    for (Column<?> c : insert.table().columns()) {
      if (c.defaultValue() != null) {
        if (defaulted == null) {
          defaulted = new java.util.ArrayList<>(2);
        }
        defaulted.add(c);
      }
    }
    if (defaulted == null) {
      return (List<Map<String, Object>>) params; // nothing to add: no copy of every row (read only from here on)
    }
    List<Map<String, Object>> out = new java.util.ArrayList<>(params.size());
    for (Map<String, ?> p : params) {
      Map<String, Object> m = new LinkedHashMap<>(p);
      for (Column<?> c : defaulted) {
        if (!m.containsKey(c.name())) {
          m.put(c.name(), c.defaultValue().get());
        }
      }
      out.add(m);
    }
    return out;
  }
}
