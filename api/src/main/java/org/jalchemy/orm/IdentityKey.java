package org.jalchemy.orm;

import java.util.List;
import java.util.Objects;

/**
 * The identity of a row: the mapped class and its primary key values in key column order.
 *
 * <pre>{@code
 * inspect(user).identity();   // IdentityKey[type=User, key=[1]]
 * }</pre>
 *
 * <p>A value object with {@code equals}/{@code hashCode} over both parts. The usual one-column key
 * is held as its value, not as a list, and the hash is computed once: the session makes one of
 * these per row it loads or inserts and looks each up in its identity map.
 */
public final class IdentityKey {
  private final Class<?> type;
  /** The value of a one-column key; null when the key has several columns (held in {@link #columns}). */
  private final Object single;
  private final List<Object> columns;
  private final int hash;

  /** The identity of the row of {@code type} whose primary key columns hold {@code key}. */
  public IdentityKey(Class<?> type, List<Object> key) {
    this.type = Objects.requireNonNull(type, "type");
    if (key.size() == 1 && key.get(0) != null) {
      this.single = key.get(0);
      this.columns = null;
    } else {
      this.single = null;
      this.columns = List.copyOf(key); // null values are refused here, as before
    }
    this.hash = 31 * type.hashCode() + (single != null ? single.hashCode() : columns.hashCode());
  }

  private IdentityKey(Class<?> type, Object single) {
    this.type = type;
    this.single = single;
    this.columns = null;
    this.hash = 31 * type.hashCode() + single.hashCode();
  }

  /** The identity of a row whose one primary key column holds {@code value} (not null). */
  static IdentityKey of(Class<?> type, Object value) {
    return new IdentityKey(type, Objects.requireNonNull(value, "key value"));
  }

  /** The mapped class. */
  public Class<?> type() {
    return type;
  }

  /** The primary key values, in key column order. */
  public List<Object> key() {
    return single != null ? List.of(single) : columns;
  }

  /** The value of key column {@code i}, without a list for the one-column key. */
  Object value(int i) {
    return single != null ? single : columns.get(i);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof IdentityKey k && hash == k.hash && type == k.type
        && (single != null ? single.equals(k.single) : columns.equals(k.columns));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "IdentityKey[type=" + type.getSimpleName() + ", key=" + key() + "]";
  }
}
