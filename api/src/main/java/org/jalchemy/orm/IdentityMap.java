package org.jalchemy.orm;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * One object per row for one session, weakly referenced: a clean object nobody else holds can be
 * collected (the session keeps strong references to new, changed and deleted objects elsewhere).
 */
final class IdentityMap {
  /**
   * A weak reference to one object that is also its own hash-table entry (chained by {@link #next}):
   * one object per row instead of a map node plus a reference, which a large load feels in its
   * allocation and in every young GC that copies them.
   */
  private static final class Entry extends WeakReference<Object> {
    final IdentityKey key;
    /** The key's spread hash, kept here so that a resize touches only the entries. */
    final int hash;
    Entry next;

    Entry(IdentityKey key, int hash, Object object, ReferenceQueue<Object> queue, Entry next) {
      super(object, queue);
      this.key = key;
      this.hash = hash;
      this.next = next;
    }
  }

  private static final int INITIAL_CAPACITY = 16;

  private static final Entry[] NO_TABLE = {};

  /**
   * Power-of-two sized buckets, resized to keep at most 0.75 entries a bucket; made with the first
   * entry (a session that only inserts one row, or is closed, allocates none).
   */
  private Entry[] table = NO_TABLE;
  private int size;
  /** Made with the first entry: a session that never holds an object (one INSERT, one lookup that misses) needs none. */
  private ReferenceQueue<Object> collected;

  Object get(IdentityKey key) {
    purge();
    Entry e = find(key);
    return e == null ? null : e.get();
  }

  void put(IdentityKey key, Object object) {
    purge();
    if (collected == null) {
      collected = new ReferenceQueue<>();
    }
    if (table == NO_TABLE) {
      table = new Entry[INITIAL_CAPACITY];
    }
    int hash = spread(key);
    int i = hash & (table.length - 1);
    Entry first = table[i];
    for (Entry e = first, before = null; e != null; before = e, e = e.next) {
      if (e.hash == hash && e.key.equals(key)) { // a new object for the row replaces the old entry in place
        Entry replacement = new Entry(key, hash, object, collected, e.next);
        if (before == null) {
          table[i] = replacement;
        } else {
          before.next = replacement;
        }
        return;
      }
    }
    table[i] = new Entry(key, hash, object, collected, first);
    if (++size > threshold(table.length)) {
      // Four times larger once past a few thousand objects: a large load rehashes its entries
      // about a third as often as with doubling (the rehash walks every entry, 9% of a
      // 100,000-row H2 fetch's samples with doubling), for a table at most 4 bytes × 5 slots
      // per object.
      resize(table.length * (table.length >= 4096 ? 4 : 2));
    }
  }

  /**
   * Makes room for {@code more} entries at once, before a flush puts that many inserted objects:
   * one table of the final size instead of a doubling (and rehash of everything so far) at every
   * power of two on the way.
   */
  void ensureRoomFor(int more) {
    int wanted = size + more;
    int capacity = Math.max(table.length, INITIAL_CAPACITY);
    while (threshold(capacity) < wanted) {
      capacity *= 2;
    }
    if (capacity != table.length) {
      resize(capacity);
    }
  }

  void remove(IdentityKey key, Object object) {
    Entry e = find(key);
    if (e != null && e.get() == object) {
      unlink(e);
    }
  }

  /** The objects still alive. */
  List<Object> objects() {
    purge();
    List<Object> live = new ArrayList<>(size);
    for (Entry head : table) {
      for (Entry e = head; e != null; e = e.next) {
        Object o = e.get();
        if (o != null) {
          live.add(o);
        }
      }
    }
    return live;
  }

  int size() {
    purge();
    return size;
  }

  void clear() {
    table = NO_TABLE;
    size = 0;
  }

  private Entry find(IdentityKey key) {
    if (size == 0) {
      return null;
    }
    int hash = spread(key);
    for (Entry e = table[hash & (table.length - 1)]; e != null; e = e.next) {
      if (e.hash == hash && e.key.equals(key)) {
        return e;
      }
    }
    return null;
  }

  /** Takes {@code target} out of its chain (the very entry: a newer one for the same key stays). */
  private void unlink(Entry target) {
    if (table.length == 0) {
      return; // cleared since: nothing to take out
    }
    int i = target.hash & (table.length - 1);
    for (Entry e = table[i], before = null; e != null; before = e, e = e.next) {
      if (e == target) {
        if (before == null) {
          table[i] = e.next;
        } else {
          before.next = e.next;
        }
        size--;
        return;
      }
    }
  }

  private void resize(int capacity) {
    Entry[] bigger = new Entry[capacity];
    for (Entry head : table) {
      Entry e = head;
      while (e != null) {
        Entry next = e.next;
        int i = e.hash & (capacity - 1);
        e.next = bigger[i];
        bigger[i] = e;
        e = next;
      }
    }
    table = bigger;
  }

  private static int threshold(int capacity) {
    return capacity - (capacity >>> 2);
  }

  private static int spread(IdentityKey key) {
    int h = key.hashCode();
    return h ^ (h >>> 16); // the high bits into the low ones, which pick the bucket
  }

  /** Drops the entries of objects the garbage collector took. */
  private void purge() {
    if (collected == null) {
      return;
    }
    Entry e;
    while ((e = (Entry) collected.poll()) != null) {
      unlink(e); // no-op when it was replaced or removed already
    }
  }
}
