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
  /**
   * The value of a one-column key, or a {@link Columns} holding a key of several columns: one
   * field for both keeps the object at 24 bytes (a 100,000-row load makes one per row).
   */
  private final Object value;
  private final int hash;

  /** A key of several columns, told apart from a one-column key's value by its class. */
  private record Columns(List<Object> values) {}

  /** The identity of the row of {@code type} whose primary key columns hold {@code key}. */
  public IdentityKey(Class<?> type, List<Object> key) {
    this.type = Objects.requireNonNull(type, "type");
    // null values are refused by List.copyOf, as before
    this.value = key.size() == 1 && key.get(0) != null ? key.get(0) : new Columns(List.copyOf(key));
    this.hash = 31 * type.hashCode() + (value instanceof Columns c ? c.values().hashCode() : value.hashCode());
  }

  private IdentityKey(Class<?> type, Object single) {
    this.type = type;
    this.value = single;
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
    return value instanceof Columns c ? c.values() : List.of(value);
  }

  /** The value of key column {@code i}, without a list for the one-column key. */
  Object value(int i) {
    return value instanceof Columns c ? c.values().get(i) : value;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof IdentityKey k && hash == k.hash && type == k.type && value.equals(k.value);
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
