package org.jalchemy.orm;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One object per row for one session, weakly referenced: a clean object nobody else holds can be
 * collected (the session keeps strong references to new, changed and deleted objects elsewhere).
 */
final class IdentityMap {
  private static final class Entry extends WeakReference<Object> {
    final IdentityKey key;

    Entry(IdentityKey key, Object object, ReferenceQueue<Object> queue) {
      super(object, queue);
      this.key = key;
    }
  }

  private Map<IdentityKey, Entry> entries = new HashMap<>();
  /** Made with the first entry: a session that never holds an object (one INSERT, one lookup that misses) needs none. */
  private ReferenceQueue<Object> collected;

  Object get(IdentityKey key) {
    purge();
    Entry e = entries.get(key);
    return e == null ? null : e.get();
  }

  void put(IdentityKey key, Object object) {
    purge();
    if (collected == null) {
      collected = new ReferenceQueue<>();
    }
    entries.put(key, new Entry(key, object, collected));
  }

  /**
   * Makes room for {@code more} entries at once, before a flush puts that many inserted objects:
   * one table of the final size instead of a doubling (and rehash of everything so far) at every
   * power of two on the way. Only when the newcomers outnumber the entries (else the table would
   * double once at most, which is no worse than copying it here).
   */
  void ensureRoomFor(int more) {
    int wanted = entries.size() + more;
    if (more > 64 && more > entries.size()) {
      Map<IdentityKey, Entry> bigger = new HashMap<>((int) (wanted / 0.75f) + 1);
      bigger.putAll(entries);
      entries = bigger;
    }
  }

  void remove(IdentityKey key, Object object) {
    Entry e = entries.get(key);
    if (e != null && e.get() == object) {
      entries.remove(key);
    }
  }

  /** Calls {@code action} with each object still alive, without building a list of them. */
  void forEachLive(java.util.function.Consumer<Object> action) {
    purge();
    for (Entry e : entries.values()) {
      Object o = e.get();
      if (o != null) {
        action.accept(o);
      }
    }
  }

  /** The objects still alive. */
  List<Object> objects() {
    purge();
    List<Object> live = new ArrayList<>(entries.size());
    for (Entry e : entries.values()) {
      Object o = e.get();
      if (o != null) {
        live.add(o);
      }
    }
    return live;
  }

  int size() {
    purge();
    return entries.size();
  }

  void clear() {
    entries.clear();
  }

  private void purge() {
    if (collected == null) {
      return;
    }
    Entry e;
    while ((e = (Entry) collected.poll()) != null) {
      if (entries.get(e.key) == e) {
        entries.remove(e.key);
      }
    }
  }
}
