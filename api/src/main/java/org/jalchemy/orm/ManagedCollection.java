package org.jalchemy.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The collection a mapped object's one-to-many or many-to-many field holds once the ORM has seen
 * it: adding or removing an element tells the owner's state, which keeps the other side
 * (back-populates) in step and cascades the element into the session.
 */
sealed interface ManagedCollection<E> extends Collection<E> permits ManagedList, ManagedSet {
  /** Adds without events: the other side is being synced already. */
  void addQuietly(E element);

  /** Removes without events. */
  void removeQuietly(Object element);

  /** Elements removed since the last flush (their foreign keys are cleared unless they moved). */
  List<E> removed();

  void recordRemoved(Object element);

  void clearRemoved();

  /** A managed List or Set (by the field's declared type) holding {@code initial}'s elements. */
  static ManagedCollection<Object> create(InstanceState owner, RelationshipProperty<Object, ?> r, Collection<Object> initial) {
    ManagedCollection<Object> c = r.collectionType() == Set.class ? new ManagedSet<>(owner, r) : new ManagedList<>(owner, r);
    if (initial != null) {
      for (Object o : new ArrayList<>(initial)) {
        c.addQuietly(o);
      }
    }
    return c;
  }
}
