package org.jalchemy.orm;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.result.Row;
import org.jalchemy.schema.Column;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.OrderByItem;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.elements.BooleanClauseList;

/**
 * Turning rows into objects and loading what objects lack: hydration into the identity map,
 * expired attributes, lazy relationships, refresh and expire.
 */
final class Loading {
  private Loading() {}

  /** The identity of a primary key given as a value, a List or an array. */
  static IdentityKey key(Mapper<?> mapper, Object id) {
    List<Object> values;
    if (id instanceof List<?> l) {
      values = new ArrayList<>(l);
    } else if (id != null && id.getClass().isArray()) {
      values = new ArrayList<>();
      for (int i = 0; i < Array.getLength(id); i++) {
        values.add(Array.get(id, i));
      }
    } else {
      values = new ArrayList<>();
      values.add(id);
    }
    if (values.size() != mapper.primaryKey().size() || values.contains(null)) {
      throw new ArgumentError("a primary key of " + mapper.mappedClass().getSimpleName() + " has "
          + mapper.primaryKey().size() + " non-null value(s) (" + mapper.primaryKey().stream().map(ColumnProperty::fieldName).toList()
          + "); got " + values);
    }
    return new IdentityKey(mapper.mappedClass(), values);
  }

  /** {@code a = ? AND b = ?} over the columns and values. */
  @SuppressWarnings("unchecked")
  static Expression<Boolean> matching(List<? extends Column<?>> columns, List<?> values) {
    List<Expression<Boolean>> terms = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      terms.add(((Column<Object>) columns.get(i)).eq(values.get(i)));
    }
    return terms.size() == 1 ? terms.get(0) : BooleanClauseList.and(terms);
  }

  /** The key columns in key order (the mapper's key properties are the table's key columns, in that order). */
  static List<Column<?>> primaryKeyColumns(Mapper<?> mapper) {
    return mapper.table().primaryKeyColumns();
  }

  /** SELECT by primary key into the identity map; null when there is no such row. */
  static <T> T byKey(Session session, Mapper<T> mapper, List<Object> key) {
    Select<T> q = new Select<T>(List.of(EntityColumns.of(mapper.mappedClass())))
        .where(matching(primaryKeyColumns(mapper), key));
    return session.scalars(q).first();
  }

  /** The object of one row (columns from {@code offset}), from the identity map when it is there. */
  static Object load(Session session, EntityColumns<?> entity, Row row, int offset) {
    @SuppressWarnings("unchecked")
    Mapper<Object> mapper = (Mapper<Object>) entity.mapper();
    IdentityKey key = identityOf(mapper, entity.primaryKeyIndexes(), row, offset);
    if (key == null) {
      return null; // the entity side of an outer join that matched nothing
    }
    Object existing = session.identityMap.get(key);
    if (existing != null) {
      InstanceState s = InstanceState.of(existing);
      if (!s.expired().isEmpty()) {
        populate(s, row, offset, false);
      }
      return existing;
    }
    Object object = mapper.newInstance();
    InstanceState s = InstanceState.of(object);
    s.populating = true;
    try {
      for (RelationshipProperty<Object, ?> r : mapper.relationships()) {
        r.set(object, null);
        s.unloadedToChange().add(r.fieldName());
      }
    } finally {
      s.populating = false;
    }
    populate(s, row, offset, true);
    s.resetChanges();
    s.key = key;
    s.attach(session);
    session.identityMap.put(key, object);
    return object;
  }

  /** The identity of the row's object, or null when a key column is null. */
  private static IdentityKey identityOf(Mapper<Object> mapper, int[] pk, Row row, int offset) {
    if (pk.length == 1) {
      Object v = row.get(offset + pk[0]); // the usual single-column key: held as its value
      return v == null ? null : IdentityKey.of(mapper.mappedClass(), v);
    }
    Object[] values = new Object[pk.length];
    for (int i = 0; i < pk.length; i++) {
      values[i] = row.get(offset + pk[i]);
      if (values[i] == null) {
        return null;
      }
    }
    return new IdentityKey(mapper.mappedClass(), List.of(values));
  }

  /** Sets the columns from a row: all of them, or only the expired ones (keeping unflushed changes). */
  private static void populate(InstanceState s, Row row, int offset, boolean all) {
    List<ColumnProperty<Object, ?>> props = s.mapper.columnProperties();
    s.populating = true;
    try {
      for (int i = 0; i < props.size(); i++) {
        ColumnProperty<Object, Object> p = cast(props.get(i));
        if (all || s.expired().contains(p.fieldName())) {
          p.load(s.object, row.get(offset + i));
        }
      }
      NameSet expired = s.expired();
      if (!expired.isEmpty()) { // a fresh object has none: its state is left untouched
        expired.clear();
      }
    } finally {
      s.populating = false;
    }
  }

  @SuppressWarnings("unchecked")
  private static ColumnProperty<Object, Object> cast(ColumnProperty<Object, ?> p) {
    return (ColumnProperty<Object, Object>) p;
  }

  /** Loads the expired columns of a persistent object (one SELECT by its identity). */
  static void loadExpired(Session session, InstanceState s) {
    Row row = selectRow(session, s);
    populate(s, row, 0, false);
  }

  /** Overwrites every column from the database and forgets changes; relationships load again on access. */
  static void refresh(Session session, InstanceState s) {
    Row row = selectRow(session, s);
    s.expired().clear();
    populate(s, row, 0, true);
    unloadRelationships(s);
    s.resetChanges();
    session.modifiedStates.remove(s);
  }

  private static Row selectRow(Session session, InstanceState s) {
    EntityColumns<Object> entity = EntityColumns.of(s.mapper.mappedClass());
    Select<Object> q = new Select<>(List.of(entity)).where(matching(primaryKeyColumns(s.mapper), s.key.key()));
    Row row = session.currentConnection().execute(q).first();
    if (row == null) {
      throw new InvalidRequestError("could not load " + s.describe() + ": its row is gone (deleted by another "
          + "transaction); expunge the object or roll back");
    }
    return row;
  }

  /** Marks every column expired and every relationship unloaded; unflushed changes are dropped. */
  static void expire(Session session, InstanceState s) {
    if (s.key == null || s.deletedFlushed) {
      return;
    }
    // Session null: a session-wide expiry caught up with after the session closed (still expired, now detached).
    s.expiredToChange().addAllShared(s.mapper.columnFieldNames());
    unloadRelationships(s);
    s.resetChanges();
    if (session != null && !session.modifiedStates.isEmpty()) { // empty after a flush, as on every commit: skip hashing each object
      session.modifiedStates.remove(s);
    }
  }

  private static void unloadRelationships(InstanceState s) {
    s.populating = true;
    try {
      for (RelationshipProperty<Object, ?> r : s.mapper.relationships()) {
        r.set(s.object, null);
        s.unloadedToChange().add(r.fieldName());
      }
    } finally {
      s.populating = false;
    }
  }

  /** The related objects currently held (a collection's elements, or the one reference); nothing when unloaded. */
  static List<Object> loadedValues(InstanceState s, RelationshipProperty<Object, ?> r) {
    Object v = s.unloaded().contains(r.fieldName()) ? null : r.get(s.object);
    if (v == null) {
      return List.of();
    }
    if (v instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    return List.of(v);
  }

  /** The related objects, loading the relationship first when needed. */
  static List<Object> related(Session session, InstanceState s, RelationshipProperty<Object, ?> r) {
    if (s.unloaded().contains(r.fieldName())) {
      lazyLoad(session, s, r);
    }
    return loadedValues(s, r);
  }

  /** Loads a relationship on first access: the SELECT is emitted now (a many-to-one in the identity map needs none). */
  static void lazyLoad(Session session, InstanceState s, RelationshipProperty<Object, ?> r) {
    session.autoflush();
    List<Object> values;
    if (r.direction() == RelationshipProperty.Direction.MANY_TO_ONE) {
      Object target = manyToOne(session, s, r);
      values = target == null ? List.of() : List.of(target);
    } else {
      values = session.scalars(collectionQuery(session, s, r)).all();
    }
    setLoaded(s, r, values);
  }

  /** Installs a relationship's loaded value (the elements, or zero or one object) without change events. */
  static void setLoaded(InstanceState s, RelationshipProperty<Object, ?> r, List<Object> values) {
    s.populating = true;
    try {
      s.unloaded().remove(r.fieldName());
      if (r.isCollection()) {
        r.set(s.object, ManagedCollection.create(s, r, values));
      } else {
        r.set(s.object, values.isEmpty() ? null : values.get(0));
      }
    } finally {
      s.populating = false;
    }
  }

  /** A column of a persistent object for a relationship query: an expired key from the identity, else loaded if expired. */
  static Object localValue(Session session, InstanceState s, Column<?> column) {
    ColumnProperty<Object, ?> p = s.mapper.columnProperty(column);
    if (s.expired().contains(p.fieldName())) {
      int i = s.mapper.primaryKey().indexOf(p);
      if (i >= 0 && s.key != null) {
        return s.key.value(i);
      }
      loadExpired(session, s);
    }
    return p.get(s.object);
  }

  /** The many-to-one target if the session's identity map holds it (no SQL), else null. */
  static Object manyToOneInIdentityMap(Session session, InstanceState s, RelationshipProperty<Object, ?> r) {
    if (!s.expired().isEmpty()) {
      return null;
    }
    Mapper<?> target = r.target();
    Map<Column<?>, Object> remote = new HashMap<>();
    for (RelationshipProperty.ColumnPair pair : r.pairs()) {
      Object v = s.mapper.columnProperty(pair.local()).get(s.object);
      if (v == null) {
        return null;
      }
      remote.put(pair.remote(), v);
    }
    List<Object> key = new ArrayList<>();
    for (ColumnProperty<?, ?> p : target.primaryKey()) {
      key.add(remote.get(p.column()));
    }
    return key.contains(null) ? null : session.identityMap.get(new IdentityKey(target.mappedClass(), key));
  }

  private static Object manyToOne(Session session, InstanceState s, RelationshipProperty<Object, ?> r) {
    Mapper<?> target = r.target();
    Map<Column<?>, Object> remote = new HashMap<>();
    for (RelationshipProperty.ColumnPair pair : r.pairs()) {
      Object v = localValue(session, s, pair.local());
      if (v == null) {
        return null;
      }
      remote.put(pair.remote(), v);
    }
    List<Object> key = new ArrayList<>();
    for (ColumnProperty<?, ?> p : target.primaryKey()) {
      key.add(remote.get(p.column()));
    }
    if (!key.contains(null)) {
      return session.get(target.mappedClass(), key);
    }
    // The foreign key refers to a unique column other than the primary key: query by it.
    List<Column<?>> cols = new ArrayList<>(remote.keySet());
    List<Object> vals = cols.stream().map(remote::get).toList();
    return session.scalars(new Select<>(List.of(EntityColumns.of(target.mappedClass()))).where(matching(cols, vals))).first();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Select<Object> collectionQuery(Session session, InstanceState s, RelationshipProperty<Object, ?> r) {
    List<Column<?>> remote = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (RelationshipProperty.ColumnPair pair : r.pairs()) {
      remote.add((Column<?>) pair.remote());
      values.add(localValue(session, s, pair.local()));
    }
    Select<Object> q = new Select<>(List.of((EntityColumns) EntityColumns.of(r.targetClass())));
    if (r.secondary() != null) {
      q = q.join(r.secondary(), r.secondaryJoinCondition());
    }
    q = q.where(matching(remote, values));
    if (!r.orderBy().isEmpty()) {
      q = q.orderBy(r.orderBy().toArray(new OrderByItem[0]));
    }
    return q;
  }
}
