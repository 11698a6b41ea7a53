package org.jalchemy.orm;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/** A relationship's List: every structural change is reported to the owner's state. */
final class ManagedList<E> extends AbstractList<E> implements ManagedCollection<E>, RandomAccess {
  private final InstanceState owner;
  private final RelationshipProperty<Object, ?> relationship;
  private final ArrayList<E> items = new ArrayList<>();
  private final RemovedElements<E> removed = new RemovedElements<>();

  ManagedList(InstanceState owner, RelationshipProperty<Object, ?> relationship) {
    this.owner = owner;
    this.relationship = relationship;
  }

  @Override
  public E get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public void add(int index, E element) {
    items.add(index, element);
    modCount++;
    removed.forget(element);
    owner.collectionAdded(relationship, element);
  }

  @Override
  public E set(int index, E element) {
    E old = items.set(index, element);
    if (old != element) {
      recordRemoved(old);
      owner.collectionRemoved(relationship, old);
      removed.forget(element);
      owner.collectionAdded(relationship, element);
    }
    return old;
  }

  @Override
  public E remove(int index) {
    E old = items.remove(index);
    modCount++;
    recordRemoved(old);
    owner.collectionRemoved(relationship, old);
    return old;
  }

  @Override
  public void addQuietly(E element) {
    if (!items.contains(element)) {
      items.add(element);
      modCount++;
    }
  }

  @Override
  public void removeQuietly(Object element) {
    if (items.remove(element)) {
      modCount++;
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
