package org.jalchemy.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The elements a managed collection lost since the last flush and does not hold again: the flush
 * clears their foreign keys (or deletes them as orphans) unless they moved elsewhere.
 */
final class RemovedElements<E> {
  private final List<E> removed = new ArrayList<>();

  /** Notes {@code element} as removed unless the collection still holds it (or it is noted already). */
  @SuppressWarnings("unchecked")
  void record(Object element, Collection<E> stillHeld) {
    if (!stillHeld.contains(element) && !removed.contains(element)) {
      removed.add((E) element);
    }
  }

  /** The element was added back: not removed after all. */
  void forget(Object element) {
    removed.remove(element);
  }

  List<E> list() {
    return removed;
  }

  void clear() {
    removed.clear();
  }
}
