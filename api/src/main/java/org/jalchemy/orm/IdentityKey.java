package org.jalchemy.orm;

import java.util.List;

/**
 * The identity of a row: the mapped class and its primary key values in key column order.
 *
 * <pre>{@code
 * inspect(user).identity();   // IdentityKey[type=User, key=[1]]
 * }</pre>
 */
public record IdentityKey(Class<?> type, List<Object> key) {
  public IdentityKey {
    key = List.copyOf(key);
  }
}
