package org.jalchemy.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jalchemy.exc.InvalidRequestError;

/**
 * The ORM's bookkeeping for one mapped object: its session, identity, pending changes, expired
 * attributes and relationships not loaded yet. Reached through {@code Jalchemy.inspect(obj)}.
 *
 * <pre>{@code
 * InstanceState s = inspect(user);
 * s.state();        // ObjectState.PERSISTENT
 * s.identity();     // IdentityKey[type=User, key=[1]]
 * s.isModified();   // true after user.setName("x")
 * }</pre>
 */
public final class InstanceState {
  /** Marks a change recorded while the attribute was expired: the old value is unknown. */
  static final Object UNKNOWN = new Object();

  private static final ClassValue<Mapper<?>> MAPPERS = new ClassValue<>() {
    @Override
    protected Mapper<?> computeValue(Class<?> type) {
      return Mapper.of(type);
    }
  };

  final Object object;
  final Mapper<Object> mapper;
  /** Shared with every object of the session; null when the object was never added or was expunged. */
  private SessionLink link;
  IdentityKey key;
  boolean pending;
  boolean markedForDelete;
  boolean deletedFlushed;
  boolean insertedInTransaction;
  /** While the session fills fields from a row: writes are not changes. */
  boolean populating;
  /** Column field → value before the first change since the last flush. */
  Map<String, Object> committed;
  // Three name sets, each made on its first write: loading 100,000 objects that are never expired
  // or changed then allocates none of them. Read through expired() etc. (an empty set until then),
  // change through expiredToChange() etc.
  private NameSet expired;
  private NameSet unloaded;
  /**
   * Relationship changes not flushed yet and loader options, made on first need: most objects
   * never have any, and keeping these four fields out of every state makes it 56 bytes instead
   * of 72 (a 100,000-row load allocates one per row).
   */
  private RelationshipChanges relationshipChanges;

  private static final class RelationshipChanges {
    NameSet changed;
    /** Many-to-many: elements added to / removed from each collection since the last flush (rows of the secondary table). */
    Map<String, List<Object>> associationsAdded;
    Map<String, List<Object>> associationsRemoved;
    /** Relationship → how it loads on access, where a query's loader option said so (else its own lazy). */
    Map<String, Lazy> loadingOverrides;
  }

  private RelationshipChanges relationshipChangesToChange() {
    if (relationshipChanges == null) {
      relationshipChanges = new RelationshipChanges();
    }
    return relationshipChanges;
  }

  /** The {@link SessionLink#expiries} this state has caught up with. */
  private int expiriesSeen;

  /**
   * Applies an expiry of the whole session that happened since this object was last touched
   * (commit, rollback and expireAll only count; the objects catch up one by one, here). Every read
   * of the expiry-dependent state (expired and unloaded names, recorded changes) and every
   * attach and detach goes through it first.
   */
  void settleExpiry() {
    SessionLink l = link;
    if (l != null && expiriesSeen != l.expiries) {
      expiriesSeen = l.expiries;
      Loading.expire(l.session, this);
    }
  }

  /** Expired column fields (read-only view until {@link #expiredToChange}). */
  NameSet expired() {
    settleExpiry();
    return expired == null ? NameSet.EMPTY : expired;
  }

  NameSet expiredToChange() {
    settleExpiry();
    if (expired == null) {
      expired = new NameSet();
    }
    return expired;
  }

  /** Relationships not loaded yet. */
  NameSet unloaded() {
    settleExpiry();
    return unloaded == null ? NameSet.EMPTY : unloaded;
  }

  NameSet unloadedToChange() {
    settleExpiry();
    if (unloaded == null) {
      unloaded = new NameSet();
    }
    return unloaded;
  }

  /** Relationships changed since the last flush. */
  NameSet changedRelationships() {
    settleExpiry();
    RelationshipChanges c = relationshipChanges;
    return c == null || c.changed == null ? NameSet.EMPTY : c.changed;
  }

  NameSet changedRelationshipsToChange() {
    settleExpiry();
    RelationshipChanges c = relationshipChangesToChange();
    if (c.changed == null) {
      c.changed = new NameSet();
    }
    return c.changed;
  }

  @SuppressWarnings("unchecked")
  private InstanceState(Object object, Mapper<?> mapper) {
    this.object = object;
    this.mapper = (Mapper<Object>) mapper;
  }

  /** The state of a mapped object, created on first need; fails clearly for a class not enhanced. */
  static InstanceState of(Object object) {
    Objects.requireNonNull(object, "object");
    if (!(object instanceof ManagedEntity e)) {
      Mapper.of(object.getClass()); // a mapped class not enhanced fails here with the plugin to add
      throw new InvalidRequestError(object.getClass().getName() + " is not a mapped class (no @Tablename)");
    }
    InstanceState s = e.$$jal$state();
    if (s == null) {
      s = new InstanceState(object, MAPPERS.get(object.getClass()));
      e.$$jal$state(s);
    }
    return s;
  }

  /** Records a loader option's strategy (lazyload, raiseload, noload) for accessing {@code field} later. */
  void overrideLoading(String field, Lazy strategy) {
    RelationshipChanges c = relationshipChangesToChange();
    if (c.loadingOverrides == null) {
      c.loadingOverrides = new HashMap<>(4);
    }
    c.loadingOverrides.put(field, strategy);
  }

  /** How {@code r} loads when accessed unloaded: a query's option, else the relationship's own lazy. */
  Lazy loadingOnAccess(RelationshipProperty<Object, ?> r) {
    RelationshipChanges c = relationshipChanges;
    Lazy l = c == null || c.loadingOverrides == null ? null : c.loadingOverrides.get(r.fieldName());
    return l != null ? l : r.lazy();
  }

  /** The public view behind {@code Jalchemy.inspect(obj)}. */
  public static InstanceState inspect(Object object) {
    return of(object);
  }

  // ---- inspection ---------------------------------------------------------------------------

  /** Where the object stands: TRANSIENT, PENDING, PERSISTENT, DELETED or DETACHED. */
  public ObjectState state() {
    Session session = session();
    if (deletedFlushed) {
      return session != null ? ObjectState.DELETED : ObjectState.DETACHED;
    }
    if (session == null) {
      return key == null ? ObjectState.TRANSIENT : ObjectState.DETACHED;
    }
    return pending ? ObjectState.PENDING : ObjectState.PERSISTENT;
  }

  public Object object() {
    return object;
  }

  public Mapper<Object> mapper() {
    return mapper;
  }

  /** The row's identity, or null before the object was flushed or loaded. */
  public IdentityKey identity() {
    return key;
  }

  /** The session holding the object, or null. */
  public Session session() {
    SessionLink l = link;
    return l == null ? null : l.session;
  }

  void attach(Session session) {
    settleExpiry(); // an expiry of the session it leaves still applies
    link = session.link;
    expiriesSeen = link.expiries; // the new session's earlier expiries do not
  }

  void detach() {
    settleExpiry();
    link = null;
  }

  /** The attributes that will be loaded again on next access. */
  public Set<String> expiredAttributes() {
    return Set.copyOf(expired());
  }

  /** The relationships that will be loaded on first access. */
  public Set<String> unloadedRelationships() {
    return Set.copyOf(unloaded());
  }

  /** True when a column differs from its loaded value, or a relationship was changed, since the last flush. */
  public boolean isModified() {
    if (!changedRelationships().isEmpty()) {
      return true;
    }
    return !changedColumns().isEmpty();
  }

  /** The column properties whose value now differs from the value last loaded or flushed. */
  Set<ColumnProperty<Object, ?>> changedColumns() {
    settleExpiry();
    if (committed == null || committed.isEmpty()) {
      return Set.of();
    }
    Set<ColumnProperty<Object, ?>> changed = new LinkedHashSet<>();
    for (Map.Entry<String, Object> e : committed.entrySet()) {
      ColumnProperty<Object, ?> p = mapper.findColumn(e.getKey());
      if (e.getValue() == UNKNOWN || !Objects.equals(e.getValue(), p.get(object))) {
        changed.add(p);
      }
    }
    return changed;
  }

  /** Forgets recorded changes: what the object holds now is what the database has. */
  void resetChanges() {
    if (committed != null) {
      committed.clear();
    }
    settleExpiry();
    RelationshipChanges changes = relationshipChanges;
    if (changes != null) {
      if (changes.changed != null) {
        changes.changed.clear();
      }
      changes.associationsAdded = null;
      changes.associationsRemoved = null;
    }
    if (!mapper.hasRelationships()) {
      return; // (no iterator over an empty list for the 100,000 objects of a load or a flush)
    }
    for (RelationshipProperty<Object, ?> r : mapper.relationships()) {
      if (r.isCollection() && r.get(object) instanceof ManagedCollection<?> c) {
        c.clearRemoved();
      }
    }
  }

  // ---- hooks (called through org.jalchemy.orm.internal.EntityHooks by enhanced classes) -------

  /** Before a mapped field is read. Public only for the enhanced bytecode's sake. */
  public static void beforeRead(ManagedEntity owner, String field) {
    InstanceState s = owner.$$jal$state();
    if (s == null) {
      // A transient object never touched: only a collection needs installing (managed, so that
      // adding to it sets the back reference).
      RelationshipProperty<?, ?> r = MAPPERS.get(owner.getClass()).findRelationship(field);
      if (r == null || !r.isCollection()) {
        return;
      }
      s = of(owner);
    }
    if (s.populating) {
      return;
    }
    if (!s.expired().isEmpty() && s.expired().contains(field)) {
      s.requireSession(field).loadExpired(s);
    }
    if (!s.mapper.hasRelationships()) {
      return; // the common read of a column on a class without relationships: nothing else to do
    }
    RelationshipProperty<Object, ?> r = s.mapper.findRelationship(field);
    if (r != null) {
      if (s.unloaded().contains(field)) {
        s.requireSession(field).loadRelationship(s, r);
      }
      if (r.isCollection()) {
        s.managedCollection(r);
      }
    }
  }

  /** Before a mapped field is written. Public only for the enhanced bytecode's sake. */
  public static void beforeWrite(ManagedEntity owner, String field, Object oldValue, Object newValue) {
    InstanceState s = owner.$$jal$state();
    Mapper<?> m = s != null ? s.mapper : MAPPERS.get(owner.getClass());
    // A class without relationships (the common case) needs no lookup by field name: every write is to a column.
    RelationshipProperty<?, ?> r = m.hasRelationships() ? m.findRelationship(field) : null;
    if (r == null) {
      if (s != null && !s.populating && s.key != null) {
        s.columnWritten(field, oldValue);
      }
      return;
    }
    if (s == null) {
      s = of(owner);
    }
    if (!s.populating) {
      s.relationshipWritten(s.mapper.findRelationship(field), oldValue, newValue);
    }
  }

  private Session requireSession(String field) {
    Session session = session();
    if (session == null) {
      throw new DetachedInstanceError("cannot load attribute '" + field + "' of " + describe()
          + ": it is " + (expired().contains(field) ? "expired (by commit, rollback or expire)" : "a relationship not loaded yet")
          + " and the object belongs to no session (" + state() + "). Fix: read what you need before the session closes, "
          + "add the object to an open session (session.add), or open the SessionMaker with expireOnCommit(false)");
    }
    return session;
  }

  String describe() {
    return mapper.mappedClass().getSimpleName() + (key == null ? " (not flushed)" : " " + key.key());
  }

  private void columnWritten(String field, Object oldValue) {
    boolean wasExpired = expired().remove(field);
    if (committed == null) {
      committed = new HashMap<>();
    }
    committed.putIfAbsent(field, wasExpired ? UNKNOWN : oldValue);
    Session session = session();
    if (session != null) {
      session.modified(this);
    }
  }

  private void relationshipChanged(RelationshipProperty<Object, ?> r) {
    unloaded().remove(r.fieldName());
    changedRelationshipsToChange().add(r.fieldName());
    Session session = session();
    if (session != null) {
      session.modified(this);
    }
  }

  private void relationshipWritten(RelationshipProperty<Object, ?> r, Object oldValue, Object newValue) {
    Session session = session();
    if (oldValue == null && session != null && unloaded().contains(r.fieldName())
        && r.direction() == RelationshipProperty.Direction.MANY_TO_ONE) {
      // Not loaded, so the field says null; the previous target, if this session holds it, must
      // still lose this object from its side. Looked up without SQL, as SQLAlchemy's backrefs do.
      oldValue = Loading.manyToOneInIdentityMap(session, this, r);
    }
    relationshipChanged(r);
    if (r.isCollection()) {
      Collection<?> before = oldValue instanceof Collection<?> c ? c : Set.of();
      Collection<?> after = newValue instanceof Collection<?> c ? c : Set.of();
      for (Object o : before) {
        if (!after.contains(o)) {
          recordAssociation(r, o, false);
          detachFrom(r, o);
          if (oldValue instanceof ManagedCollection<?> mc) {
            mc.recordRemoved(o);
          }
        }
      }
      for (Object o : after) {
        if (!before.contains(o)) {
          recordAssociation(r, o, true);
          attachTo(r, o);
        }
      }
    } else {
      if (oldValue != null && oldValue != newValue) {
        detachFrom(r, oldValue);
      }
      if (newValue != null && newValue != oldValue) {
        attachTo(r, newValue);
      }
    }
  }

  /** An element was added to a managed collection of this object's relationship {@code r}. */
  void collectionAdded(RelationshipProperty<Object, ?> r, Object element) {
    relationshipChanged(r);
    recordAssociation(r, element, true);
    attachTo(r, element);
  }

  /** An element was removed from a managed collection of this object's relationship {@code r}. */
  void collectionRemoved(RelationshipProperty<Object, ?> r, Object element) {
    relationshipChanged(r);
    recordAssociation(r, element, false);
    detachFrom(r, element);
  }

  /** For a many-to-many: the secondary row to insert or delete at flush (an add then a remove cancel out). */
  private void recordAssociation(RelationshipProperty<Object, ?> r, Object element, boolean added) {
    if (r.direction() != RelationshipProperty.Direction.MANY_TO_MANY) {
      return;
    }
    RelationshipChanges c = relationshipChangesToChange();
    if (c.associationsAdded == null) {
      c.associationsAdded = new HashMap<>();
      c.associationsRemoved = new HashMap<>();
    }
    List<Object> same = (added ? c.associationsAdded : c.associationsRemoved).computeIfAbsent(r.fieldName(), k -> new ArrayList<>());
    List<Object> opposite = (added ? c.associationsRemoved : c.associationsAdded).computeIfAbsent(r.fieldName(), k -> new ArrayList<>());
    if (!removeIdentical(opposite, element) && !containsIdentical(same, element)) {
      same.add(element);
    }
  }

  List<Object> associationsAdded(RelationshipProperty<Object, ?> r) {
    RelationshipChanges c = relationshipChanges;
    return c == null || c.associationsAdded == null ? List.of() : c.associationsAdded.getOrDefault(r.fieldName(), List.of());
  }

  List<Object> associationsRemoved(RelationshipProperty<Object, ?> r) {
    RelationshipChanges c = relationshipChanges;
    return c == null || c.associationsRemoved == null ? List.of() : c.associationsRemoved.getOrDefault(r.fieldName(), List.of());
  }

  private static boolean containsIdentical(List<Object> list, Object o) {
    for (Object x : list) {
      if (x == o) {
        return true;
      }
    }
    return false;
  }

  private static boolean removeIdentical(List<Object> list, Object o) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == o) {
        list.remove(i);
        return true;
      }
    }
    return false;
  }

  /** {@code target} now relates to this object through {@code r}: sync its back side, cascade save. */
  @SuppressWarnings("unchecked")
  private void attachTo(RelationshipProperty<Object, ?> r, Object target) {
    Session session = session();
    if (session != null && r.cascades(Cascade.SAVE_UPDATE)) {
      session.cascadeSave(target);
    }
    RelationshipProperty<Object, Object> back = (RelationshipProperty<Object, Object>) r.backPopulates();
    if (back == null) {
      return;
    }
    InstanceState t = of(target);
    if (back.isCollection()) {
      if (!t.unloaded().contains(back.fieldName())) {
        // A collection not loaded yet is left alone: autoflush before its load brings the new row.
        t.managedCollection(back).addQuietly(object);
      }
    } else {
      Object previous = t.unloaded().contains(back.fieldName()) ? null : back.get(target);
      if (previous == object) {
        return;
      }
      if (previous != null) {
        // The target moves away from its previous owner: take it out of that owner's side too.
        InstanceState p = of(previous);
        if (r.isCollection() && !p.unloaded().contains(r.fieldName())) {
          p.managedCollection(r).removeQuietly(target);
          p.relationshipChanged(r);
        } else if (!r.isCollection()) {
          r.set(previous, null);
          p.relationshipChanged(r);
        }
      }
      back.set(target, object);
      t.relationshipChanged(back);
    }
  }

  /** {@code target} no longer relates to this object through {@code r}: sync its back side. */
  @SuppressWarnings("unchecked")
  private void detachFrom(RelationshipProperty<Object, ?> r, Object target) {
    RelationshipProperty<Object, Object> back = (RelationshipProperty<Object, Object>) r.backPopulates();
    if (back == null) {
      return;
    }
    InstanceState t = of(target);
    if (back.isCollection()) {
      if (!t.unloaded().contains(back.fieldName())) {
        t.managedCollection(back).removeQuietly(object);
        t.relationshipChanged(back);
      }
    } else if (t.unloaded().contains(back.fieldName()) || back.get(target) == object) {
      back.set(target, null);
      t.relationshipChanged(back);
    }
  }

  /** The relationship's collection, made a managed one (keeping its elements) if it is not yet. */
  @SuppressWarnings("unchecked")
  ManagedCollection<Object> managedCollection(RelationshipProperty<Object, ?> r) {
    Object raw = r.get(object);
    if (raw instanceof ManagedCollection<?> mc) {
      return (ManagedCollection<Object>) mc;
    }
    ManagedCollection<Object> mc = ManagedCollection.create(this, r, (Collection<Object>) raw);
    r.set(object, mc);
    return mc;
  }

  @Override
  public String toString() {
    return "InstanceState(" + describe() + ", " + state() + ")";
  }
}
