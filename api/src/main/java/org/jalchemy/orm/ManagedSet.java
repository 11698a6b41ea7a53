package org.jalchemy.orm;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/** A relationship's Set: every structural change is reported to the owner's state. */
final class ManagedSet<E> extends AbstractSet<E> implements ManagedCollection<E> {
  private final InstanceState owner;
  private final RelationshipProperty<Object, ?> relationship;
  private final LinkedHashSet<E> items = new LinkedHashSet<>();
  private final RemovedElements<E> removed = new RemovedElements<>();

  ManagedSet(InstanceState owner, RelationshipProperty<Object, ?> relationship) {
    this.owner = owner;
    this.relationship = relationship;
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public boolean contains(Object o) {
    return items.contains(o);
  }

  @Override
  public boolean add(E element) {
    if (!items.add(element)) {
      return false;
    }
    removed.forget(element);
    owner.collectionAdded(relationship, element);
    return true;
  }

  @Override
  public boolean remove(Object element) {
    if (!items.remove(element)) {
      return false;
    }
    recordRemoved(element);
    owner.collectionRemoved(relationship, element);
    return true;
  }

  @Override
  public Iterator<E> iterator() {
    Iterator<E> it = items.iterator();
    return new Iterator<>() {
      private E last;

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public E next() {
        last = it.next();
        return last;
      }

      @Override
      public void remove() {
        it.remove();
        recordRemoved(last);
        owner.collectionRemoved(relationship, last);
      }
    };
  }

  @Override
  public void addQuietly(E element) {
    items.add(element);
  }

  @Override
  public void removeQuietly(Object element) {
    if (items.remove(element)) {
      recordRemoved(element);
    }
  }

  @Override
  public List<E> removed() {
    return removed.list();
  }

  @Override
  public void recordRemoved(Object element) {
    removed.record(element, items);
  }

  @Override
  public void clearRemoved() {
    removed.clear();
  }
}
