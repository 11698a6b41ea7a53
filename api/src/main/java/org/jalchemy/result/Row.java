package org.jalchemy.result;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.sql.Expression;

/**
 * One row of a result: values by position, by name, or by the column that was selected, typed by
 * that column.
 *
 * <pre>{@code
 * Row row = conn.execute(select(users.id, users.name)).one();
 * Integer id = row.get(users.id);     // no cast: a Column<Integer> gives an Integer
 * String name = row.get("name", String.class);
 * Object first = row.get(0);
 * }</pre>
 */
public final class Row {
  private final RowMetadata metadata;
  private final Object[] values;

  public Row(RowMetadata metadata, Object[] values) {
    this.metadata = metadata;
    this.values = values;
  }

  /** The value at {@code index} (0-based). */
  public Object get(int index) {
    if (index < 0 || index >= values.length) {
      throw new ArgumentError("row has " + values.length + " columns; index " + index + " is out of range");
    }
    return values[index];
  }

  /** The value of column {@code name}. */
  public Object get(String name) {
    return values[metadata.indexOf(name)];
  }

  /** The value of a selected column or expression, with its Java type. */
  @SuppressWarnings("unchecked")
  public <T> T get(Expression<T> column) {
    return (T) values[metadata.indexOf(column)];
  }

  /** The value at {@code index}, checked to be a {@code type}. */
  public <T> T get(int index, Class<T> type) {
    return cast(get(index), type, String.valueOf(index));
  }

  /** The value of column {@code name}, checked to be a {@code type}. */
  public <T> T get(String name, Class<T> type) {
    return cast(get(name), type, name);
  }

  private static <T> T cast(Object v, Class<T> type, String where) {
    if (v == null || type.isInstance(v)) {
      return type.cast(v);
    }
    throw new ArgumentError("column " + where + " holds a " + v.getClass().getName() + ", not a " + type.getName());
  }

  /** The number of values. */
  public int size() {
    return values.length;
  }

  /** The column names. */
  public List<String> keys() {
    return metadata.keys();
  }

  /** The values in order. */
  public List<Object> values() {
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  /** Name → value, in column order (SQLAlchemy's {@code row._mapping}). */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    List<String> keys = metadata.keys();
    for (int i = 0; i < values.length; i++) {
      m.put(keys.get(i), values[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Row r && Arrays.equals(values, r.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Object v = values[i];
      sb.append(v instanceof String ? "'" + v + "'" : v instanceof byte[] b ? "<" + b.length + " bytes>" : String.valueOf(v));
    }
    return sb.append(')').toString();
  }
}
