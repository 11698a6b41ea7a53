package org.jalchemy.engine.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jalchemy.sql.compiler.CompiledStatement;

/**
 * Compiled statements by structural key, least recently used evicted first. One per engine, as the
 * compiled form depends on the dialect.
 */
public final class StatementCache {
  /**
   * A cached compilation, when it was made (for the echo's "cached since"), the shape its rows
   * share (null when it returns none) and where the key of a row it inserts comes from.
   */
  public record Entry(CompiledStatement compiled, long compiledAtNanos, ResultShape shape, InsertedKeyPlan keys) {}

  private final int capacity;
  private final Map<Object, Entry> entries;

  public StatementCache(int capacity) {
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
            return size() > StatementCache.this.capacity;
          }
        };
  }

  /** The entry for {@code key}, or null. */
  public synchronized Entry get(Object key) {
    return capacity == 0 ? null : entries.get(key);
  }

  /** Stores a compilation. */
  public synchronized void put(Object key, Entry entry) {
    if (capacity > 0) {
      entries.put(key, entry);
    }
  }

  /** The number of cached statements. */
  public synchronized int size() {
    return entries.size();
  }

  /** Forgets everything (after dispose). */
  public synchronized void clear() {
    entries.clear();
  }
}
