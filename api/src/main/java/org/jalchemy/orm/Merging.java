package org.jalchemy.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link Session#merge}: copies the state of an object from outside the session (detached, or
 * built from a request) onto the session's object for the same row, loading that from the
 * database when needed, or onto a new pending object when there is no such row. The given object
 * is left as it was; the session's object is returned. Relationships with the MERGE cascade
 * (the default) are merged the same way; attributes the given object never loaded are left alone.
 */
final class Merging {
  private final Session session;
  /** Source object → the session's object, so shared and cyclic references merge once. */
  private final Map<Object, Object> merged = new IdentityHashMap<>();

  Merging(Session session) {
    this.session = session;
  }

  @SuppressWarnings("unchecked")
  <T> T merge(T source) {
    Object done = merged.get(source);
    if (done != null) {
      return (T) done;
    }
    InstanceState s = InstanceState.of(source);
    if (s.session() == session) {
      merged.put(source, source);
      mergeRelationships(s, s);
      return source;
    }
    Mapper<Object> mapper = s.mapper;
    Object target = findTarget(s);
    InstanceState t;
    if (target == null) {
      target = mapper.newInstance();
      t = InstanceState.of(target);
      merged.put(source, target);
      copyColumns(s, t, true);
      session.add(target);
    } else {
      t = InstanceState.of(target);
      merged.put(source, target);
      checkVersion(s, t);
      copyColumns(s, t, false);
    }
    mergeRelationships(s, t);
    return (T) target;
  }

  /** The session's object for the source's primary key: from the identity map, else loaded; null when none. */
  private Object findTarget(InstanceState s) {
    List<Object> key = new ArrayList<>();
    for (ColumnProperty<Object, ?> p : s.mapper.primaryKey()) {
      Object v = s.expired().contains(p.fieldName()) && s.key != null ? s.key.value(key.size()) : p.get(s.object);
      if (v == null) {
        return null;
      }
      key.add(v);
    }
    Object existing = session.identityMap.get(new IdentityKey(s.mapper.mappedClass(), key));
    if (existing != null) {
      InstanceState e = InstanceState.of(existing);
      if (e.markedForDelete || e.deletedFlushed) {
        throw new org.jalchemy.exc.InvalidRequestError("cannot merge " + s.describe() + ": the session's object for that row "
            + "is deleted in this session");
      }
      return existing;
    }
    return session.get(s.mapper.mappedClass(), key);
  }

  private void checkVersion(InstanceState s, InstanceState t) {
    ColumnProperty<Object, ?> v = s.mapper.version();
    if (v == null || s.expired().contains(v.fieldName())) {
      return;
    }
    Object given = v.get(s.object);
    Object current = currentValue(t, v);
    if (given != null && !Objects.equals(given, current)) {
      throw new StaleDataError("cannot merge " + s.describe() + ": its version " + given + " is not the stored version "
          + current + " (someone changed the row since it was loaded); load it again and reapply the change");
    }
  }

  private static Object currentValue(InstanceState t, ColumnProperty<Object, ?> p) {
    InstanceState.beforeRead((ManagedEntity) t.object, p.fieldName()); // loads an expired attribute
    return p.get(t.object);
  }

  /** Copies the loaded columns, through the change tracking so that the flush writes what differs. */
  private static void copyColumns(InstanceState s, InstanceState t, boolean fresh) {
    for (ColumnProperty<Object, ?> p : s.mapper.columnProperties()) {
      if (s.expired().contains(p.fieldName())) {
        continue;
      }
      @SuppressWarnings("unchecked")
      ColumnProperty<Object, Object> prop = (ColumnProperty<Object, Object>) p;
      Object value = prop.get(s.object);
      if (fresh) {
        prop.set(t.object, value);
        continue;
      }
      Object old = currentValue(t, prop);
      if (!Objects.equals(old, value)) {
        InstanceState.beforeWrite((ManagedEntity) t.object, p.fieldName(), old, value);
        prop.set(t.object, value);
      }
    }
  }

  private void mergeRelationships(InstanceState s, InstanceState t) {
    for (RelationshipProperty<Object, ?> r : s.mapper.relationships()) {
      if (!r.cascades(Cascade.MERGE) || s.unloaded().contains(r.fieldName())) {
        continue;
      }
      Object value = r.get(s.object);
      if (r.isCollection()) {
        if (s != t && t.key != null && t.unloaded().contains(r.fieldName())) {
          Loading.related(session, t, r); // one SELECT for the collection puts its elements in the identity map
        }
        List<Object> mergedElements = new ArrayList<>();
        if (value != null) {
          for (Object element : new ArrayList<>((Collection<?>) value)) {
            mergedElements.add(merge(element));
          }
        }
        if (s != t) {
          replaceCollection(t, r, mergedElements);
        }
      } else {
        Object mergedTarget = value == null ? null : merge(value);
        if (s != t) {
          Object old = t.unloaded().contains(r.fieldName()) && t.key != null
              ? Loading.related(session, t, r).stream().findFirst().orElse(null) : r.get(t.object);
          if (old != mergedTarget) {
            InstanceState.beforeWrite((ManagedEntity) t.object, r.fieldName(), old, mergedTarget);
            r.set(t.object, mergedTarget);
          }
        }
      }
    }
  }

  private void replaceCollection(InstanceState t, RelationshipProperty<Object, ?> r, List<Object> elements) {
    ManagedCollection<Object> current = t.managedCollection(r);
    for (Object o : new ArrayList<>(current)) {
      if (!elements.contains(o)) {
        current.remove(o);
      }
    }
    for (Object o : elements) {
      if (!current.contains(o)) {
        current.add(o);
      }
    }
  }
}
