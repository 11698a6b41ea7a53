package org.jalchemy.orm;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * One object per row for one session, weakly referenced: a clean object nobody else holds can be
 * collected (the session keeps strong references to new, changed and deleted objects elsewhere).
 *
 * <p>An open-addressing table (linear probing) whose keys' hashes sit in an array of their own
 * beside the entries: a resize reads two arrays in order and never the entries themselves. With
 * chained entries every resize followed each entry's pointers, scattered over the heap among the
 * loaded objects, and a 100,000-row H2 fetch spent 13% of its samples there (JFR).
 */
final class IdentityMap {
  /** A weak reference to one object, with the key it is filed under. */
  private static final class Entry extends WeakReference<Object> {
    final IdentityKey key;

    Entry(IdentityKey key, Object object, ReferenceQueue<Object> queue) {
      super(object, queue);
      this.key = key;
    }
  }

  private static final int INITIAL_CAPACITY = 16;

  private static final Entry[] NO_ENTRIES = {};
  private static final int[] NO_HASHES = {};

  /**
   * Power-of-two sized, at most half full (linear probing's runs stay short); made with the first
   * entry (a session that only inserts one row, or is closed, allocates none). A null slot is free.
   */
  private Entry[] entries = NO_ENTRIES;
  /** {@code hashes[i]} is the spread hash of {@code entries[i].key}. */
  private int[] hashes = NO_HASHES;
  private int size;
  /** Made with the first entry: a session that never holds an object (one INSERT, one lookup that misses) needs none. */
  private ReferenceQueue<Object> collected;

  Object get(IdentityKey key) {
    purge();
    int i = slotOf(key, spread(key));
    return i < 0 ? null : entries[i].get();
  }

  void put(IdentityKey key, Object object) {
    purge();
    if (collected == null) {
      collected = new ReferenceQueue<>();
    }
    if (entries == NO_ENTRIES) {
      allocate(INITIAL_CAPACITY);
    }
    int hash = spread(key);
    int mask = entries.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Entry e = entries[i];
      if (e == null) {
        entries[i] = new Entry(key, object, collected);
        hashes[i] = hash;
        if (++size > threshold(entries.length)) {
          // Four times larger once past a few thousand objects: a large load resizes a third as
          // often as with doubling, for a table of at most 8 bytes × 8 slots per object.
          resize(entries.length * (entries.length >= 4096 ? 4 : 2));
        }
        return;
      }
      if (hashes[i] == hash && e.key.equals(key)) { // a new object for the row replaces the old entry in place
        entries[i] = new Entry(key, object, collected);
        return;
      }
    }
  }

  /**
   * Makes room for {@code more} entries at once, before a flush puts that many inserted objects:
   * one table of the final size instead of a resize at every power of two on the way.
   */
  void ensureRoomFor(int more) {
    int wanted = size + more;
    int capacity = Math.max(entries.length, INITIAL_CAPACITY);
    while (threshold(capacity) < wanted) {
      capacity *= 2;
    }
    if (capacity != entries.length) {
      resize(capacity);
    }
  }

  void remove(IdentityKey key, Object object) {
    int i = slotOf(key, spread(key));
    if (i >= 0 && entries[i].get() == object) {
      delete(i);
    }
  }

  /** The objects still alive. */
  List<Object> objects() {
    purge();
    List<Object> live = new ArrayList<>(size);
    for (Entry e : entries) {
      Object o = e == null ? null : e.get();
      if (o != null) {
        live.add(o);
      }
    }
    return live;
  }

  int size() {
    purge();
    return size;
  }

  void clear() {
    entries = NO_ENTRIES;
    hashes = NO_HASHES;
    size = 0;
  }

  /** The slot holding {@code key}, or -1. */
  private int slotOf(IdentityKey key, int hash) {
    if (size == 0) {
      return -1;
    }
    int mask = entries.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Entry e = entries[i];
      if (e == null) {
        return -1;
      }
      if (hashes[i] == hash && e.key.equals(key)) {
        return i;
      }
    }
  }

  /** Takes {@code target} out (the very entry: a newer one for the same key stays). */
  private void unlink(Entry target) {
    if (size == 0) {
      return; // cleared since: nothing to take out
    }
    int mask = entries.length - 1;
    for (int i = spread(target.key) & mask; entries[i] != null; i = (i + 1) & mask) {
      if (entries[i] == target) {
        delete(i);
        return;
      }
    }
  }

  /**
   * Empties slot {@code i} and moves back the entries after it that probing would no longer find
   * (backward-shift deletion: no tombstones, so a lookup still stops at the first free slot).
   */
  private void delete(int i) {
    int mask = entries.length - 1;
    int free = i;
    entries[free] = null;
    size--;
    for (int j = (free + 1) & mask; entries[j] != null; j = (j + 1) & mask) {
      int home = hashes[j] & mask;
      // The entry at j may move to the free slot only if its home is not cyclically within (free, j].
      boolean homeBetween = free <= j ? free < home && home <= j : free < home || home <= j;
      if (!homeBetween) {
        entries[free] = entries[j];
        hashes[free] = hashes[j];
        entries[j] = null;
        free = j;
      }
    }
  }

  private void allocate(int capacity) {
    entries = new Entry[capacity];
    hashes = new int[capacity];
  }

  private void resize(int capacity) {
    Entry[] oldEntries = entries;
    int[] oldHashes = hashes;
    allocate(capacity);
    int mask = capacity - 1;
    for (int k = 0; k < oldEntries.length; k++) {
      Entry e = oldEntries[k];
      if (e == null) {
        continue;
      }
      int i = oldHashes[k] & mask;
      while (entries[i] != null) {
        i = (i + 1) & mask;
      }
      entries[i] = e;
      hashes[i] = oldHashes[k];
    }
  }

  private static int threshold(int capacity) {
    return capacity >>> 1;
  }

  private static int spread(IdentityKey key) {
    int h = key.hashCode();
    return h ^ (h >>> 16); // the high bits into the low ones, which pick the slot
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
