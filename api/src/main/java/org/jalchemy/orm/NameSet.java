package org.jalchemy.orm;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A set of attribute names that allocates its storage on the first add. Every loaded object has
 * a few of these (expired, unloaded, changed relationships) and most stay empty for the object's
 * whole life, so a fetch of 100,000 rows should not build 300,000 empty hash sets. Keeps insertion
 * order, as the flush relies on for changed relationships.
 */
final class NameSet extends AbstractSet<String> {
  /** The empty set an object's state reads before it first needs one of its own: never changed. */
  static final NameSet EMPTY = new NameSet(true);

  private Set<String> names;
  private final boolean frozen;

  NameSet() {
    this(false);
  }

  private NameSet(boolean frozen) {
    this.frozen = frozen;
  }
  /** {@link #names} is a set owned by someone else (a mapper's column names): copy before changing it. */
  private boolean shared;

  /**
   * Adds every name of {@code all}, an unmodifiable set that outlives this one. When this set is
   * empty it just points at {@code all}: expiring every object of a session on commit then
   * allocates nothing per object.
   */
  void addAllShared(Set<String> all) {
    if (frozen) {
      throw new IllegalStateException("NameSet.EMPTY is read-only");
    }
    if (isEmpty()) {
      names = all;
      shared = true;
    } else {
      addAll(all);
    }
  }

  private Set<String> own() {
    if (frozen) {
      throw new IllegalStateException("NameSet.EMPTY is read-only");
    }
    if (names == null) {
      names = new LinkedHashSet<>(4);
    } else if (shared) {
      names = new LinkedHashSet<>(names);
      shared = false;
    }
    return names;
  }

  @Override
  public boolean add(String name) {
    return own().add(name);
  }

  @Override
  public boolean contains(Object name) {
    return names != null && names.contains(name);
  }

  @Override
  public boolean remove(Object name) {
    return contains(name) && own().remove(name);
  }

  @Override
  public boolean isEmpty() {
    return names == null || names.isEmpty();
  }

  @Override
  public int size() {
    return names == null ? 0 : names.size();
  }

  @Override
  public void clear() {
    if (frozen) {
      return; // already empty
    }
    names = null;
    shared = false;
  }

  @Override
  public Iterator<String> iterator() {
    return names == null ? Collections.emptyIterator() : own().iterator(); // own(): the iterator may remove
  }
}
