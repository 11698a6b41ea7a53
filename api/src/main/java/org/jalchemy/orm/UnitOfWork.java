package org.jalchemy.orm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jalchemy.engine.Connection;
import org.jalchemy.result.CursorResult;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.Delete;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.Update;
import org.jalchemy.sql.elements.BooleanClauseList;

/**
 * One flush: works out the statements from the session's pending, modified and deleted objects
 * and runs them on the session's connection. Tables are visited parents first (the MetaData's
 * foreign key order): foreign keys are copied from related objects, then INSERTs (generated keys
 * written back into the objects), then UPDATEs of changed columns; DELETEs run afterwards, children
 * first. The objects' states change only once every statement succeeded.
 */
final class UnitOfWork {
  private final Session session;
  private final Connection conn;
  /** The objects inserted by this flush and their new identities, in insert order (index for index). */
  private final List<InstanceState> insertedStates = new ArrayList<>();
  private final List<IdentityKey> insertedKeys = new ArrayList<>();

  UnitOfWork(Session session) {
    this.session = session;
    this.conn = session.connection();
  }

  void flush() {
    // Without relationships nothing cascades, no collection or association is written: those
    // steps are skipped (each walks or copies the pending objects; a one-row flush felt them).
    boolean related = anyRelationships();
    if (related) {
      cascadeSaves();
      deleteOrphans();
      releaseChildrenOfDeleted();
    }
    if (session.pendingStates.isEmpty() && session.modifiedStates.isEmpty() && session.deletedStates.isEmpty()) {
      return;
    }
    List<Mapper<Object>> order = mappersInDependencyOrder();
    for (Mapper<Object> m : order) {
      if (related) {
        syncCollectionsInto(m);
      }
      for (InstanceState s : List.copyOf(session.pendingStates)) {
        if (s.mapper == m) {
          insert(s);
        }
      }
      runBatch();
      for (InstanceState s : List.copyOf(session.modifiedStates)) {
        if (s.mapper == m && !s.pending && !s.markedForDelete && s.session() == session) {
          update(s);
        }
      }
      runUpdates();
    }
    if (related) {
      writeAssociations();
    }
    for (int i = order.size() - 1; i >= 0; i--) {
      for (InstanceState s : session.deletedStates) {
        if (s.mapper == order.get(i)) {
          delete(s);
        }
      }
    }
    finish();
  }

  /** Whether an object to flush is of a class with relationships (the only ones that cascade or own associations). */
  private boolean anyRelationships() {
    for (int i = 0; i < session.pendingStates.size(); i++) {
      if (session.pendingStates.get(i).mapper.hasRelationships()) {
        return true;
      }
    }
    for (java.util.Collection<InstanceState> states : List.of(session.modifiedStates, session.deletedStates)) {
      if (!states.isEmpty()) {
        for (InstanceState s : states) {
          if (s.mapper.hasRelationships()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Objects added to relationships after their owner was added become pending now. */
  private void cascadeSaves() {
    Set<InstanceState> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    boolean grew = true;
    while (grew) {
      grew = false;
      List<InstanceState> owners = new ArrayList<>(session.pendingStates);
      owners.addAll(session.modifiedStates);
      for (InstanceState s : owners) {
        if (s.mapper.hasRelationships() && seen.add(s)) { // nothing cascades from a class without relationships
          session.cascadeFrom(s);
          grew = true;
        }
      }
    }
  }

  /** Elements taken out of a DELETE_ORPHAN collection, and not moved to another parent, are deleted. */
  private void deleteOrphans() {
    for (InstanceState owner : List.copyOf(session.modifiedStates)) {
      for (RelationshipProperty<Object, ?> r : owner.mapper.relationships()) {
        if (r.isCollection() && r.cascades(Cascade.DELETE_ORPHAN) && r.get(owner.object) instanceof ManagedCollection<?> c) {
          for (Object removed : List.copyOf(c.removed())) {
            InstanceState child = InstanceState.of(removed);
            RelationshipProperty<?, Object> back = r.backPopulates();
            boolean moved = back != null && !back.isCollection()
                && !child.unloaded().contains(back.fieldName()) && child.mapper.relationship(back.fieldName()).get(removed) != null;
            if (!moved && child.session() == session) {
              session.delete(removed);
            }
          }
        }
      }
    }
  }

  /**
   * Children of a deleted parent that are not deleted with it (no delete cascade) keep their rows:
   * their foreign keys to it become NULL (UPDATEs that run before the parent's DELETE).
   */
  private void releaseChildrenOfDeleted() {
    for (InstanceState parent : List.copyOf(session.deletedStates)) {
      for (RelationshipProperty<Object, ?> r : parent.mapper.relationships()) {
        if (r.direction() != RelationshipProperty.Direction.ONE_TO_MANY || r.cascades(Cascade.DELETE)) {
          continue;
        }
        for (Object o : Loading.loadedValues(parent, r)) {
          InstanceState child = InstanceState.of(o);
          if (!child.markedForDelete && child.session() == session && belongsTo(r, parent, child)) {
            copyKeys(r, parent, child, true);
          }
        }
      }
    }
  }

  /** The mappers of every object to flush, ordered as their tables are in their MetaData (parents first). */
  private List<Mapper<Object>> mappersInDependencyOrder() {
    Mapper<Object> only = onlyPendingMapper();
    if (only != null) {
      return List.of(only); // only new objects of one class: no order to work out (the usual small flush)
    }
    Set<Mapper<Object>> mappers = new LinkedHashSet<>();
    for (InstanceState s : session.pendingStates) {
      mappers.add(s.mapper);
    }
    for (InstanceState s : session.modifiedStates) {
      mappers.add(s.mapper);
      // children of a changed collection may need their foreign key set even if they changed nothing else
      for (RelationshipProperty<Object, ?> r : s.mapper.relationships()) {
        if (s.changedRelationships().contains(r.fieldName()) && r.direction() == RelationshipProperty.Direction.ONE_TO_MANY) {
          mappers.add(cast(r.target()));
        }
      }
    }
    for (InstanceState s : session.deletedStates) {
      mappers.add(s.mapper);
    }
    if (mappers.size() == 1) {
      return List.of(mappers.iterator().next()); // one class: no order to work out (the usual small flush)
    }
    Map<Table, Integer> rank = new HashMap<>();
    for (Mapper<Object> m : mappers) {
      if (!rank.containsKey(m.table())) {
        List<Table> sorted = DeclarativeBase.metadata(m.base()).sortedTables();
        for (int i = 0; i < sorted.size(); i++) {
          rank.putIfAbsent(sorted.get(i), i);
        }
      }
    }
    List<Mapper<Object>> order = new ArrayList<>(mappers);
    order.sort(Comparator.comparingInt(m -> rank.getOrDefault(m.table(), Integer.MAX_VALUE)));
    return order;
  }

  /** The class of every object to flush when they are all new and of one class; else null. */
  private Mapper<Object> onlyPendingMapper() {
    if (!session.modifiedStates.isEmpty() || !session.deletedStates.isEmpty() || session.pendingStates.isEmpty()) {
      return null;
    }
    Mapper<Object> first = session.pendingStates.get(0).mapper;
    for (int i = 1; i < session.pendingStates.size(); i++) {
      if (session.pendingStates.get(i).mapper != first) {
        return null;
      }
    }
    return first;
  }

  @SuppressWarnings("unchecked")
  private static Mapper<Object> cast(Mapper<?> m) {
    return (Mapper<Object>) m;
  }

  @SuppressWarnings("unchecked")
  private static ColumnProperty<Object, Object> cast(ColumnProperty<?, ?> p) {
    return (ColumnProperty<Object, Object>) p;
  }

  // ---- foreign keys from relationships ------------------------------------------------------

  /** One-to-many collections (of objects flushed so far) whose elements are of {@code m}: set the elements' foreign keys. */
  private void syncCollectionsInto(Mapper<Object> m) {
    List<InstanceState> owners = new ArrayList<>(session.pendingStates);
    owners.addAll(session.modifiedStates);
    for (InstanceState owner : owners) {
      for (RelationshipProperty<Object, ?> r : owner.mapper.relationships()) {
        if (r.direction() != RelationshipProperty.Direction.ONE_TO_MANY || r.target() != (Mapper<?>) m
            || owner.unloaded().contains(r.fieldName())
            || !(owner.pending || owner.changedRelationships().contains(r.fieldName()))) {
          continue;
        }
        for (Object child : Loading.loadedValues(owner, r)) {
          copyKeys(r, owner, InstanceState.of(child), false);
        }
        if (r.get(owner.object) instanceof ManagedCollection<?> c) {
          for (Object removed : c.removed()) {
            InstanceState child = InstanceState.of(removed);
            if (!child.markedForDelete && belongsTo(r, owner, child)) {
              copyKeys(r, owner, child, true);
            }
          }
        }
      }
    }
  }

  /** Whether the child's foreign key still points at the owner (it was not moved to another parent). */
  private boolean belongsTo(RelationshipProperty<Object, ?> r, InstanceState owner, InstanceState child) {
    for (RelationshipProperty.ColumnPair pair : r.pairs()) {
      Object ownerValue = value(owner, owner.mapper.columnProperty(pair.local()));
      Object childValue = value(child, child.mapper.columnProperty(pair.remote()));
      if (!Objects.equals(ownerValue, childValue)) {
        return false;
      }
    }
    return true;
  }

  /** Sets the child's foreign key columns of a one-to-many from the owner's key (or to null). */
  private void copyKeys(RelationshipProperty<Object, ?> r, InstanceState owner, InstanceState child, boolean clear) {
    for (RelationshipProperty.ColumnPair pair : r.pairs()) {
      Object v = clear ? null : value(owner, owner.mapper.columnProperty(pair.local()));
      setColumn(child, cast(child.mapper.columnProperty(pair.remote())), v);
    }
  }

  /** Many-to-one references of {@code s} that were set (or changed): copy the target's key into the foreign key. */
  private void syncManyToOne(InstanceState s) {
    for (RelationshipProperty<Object, ?> r : s.mapper.relationships()) {
      if (r.direction() != RelationshipProperty.Direction.MANY_TO_ONE || s.unloaded().contains(r.fieldName())) {
        continue;
      }
      Object target = r.get(s.object);
      boolean changed = s.changedRelationships().contains(r.fieldName());
      if (target == null && !changed) {
        continue; // the foreign key may have been set directly
      }
      InstanceState t = target == null ? null : InstanceState.of(target);
      for (RelationshipProperty.ColumnPair pair : r.pairs()) {
        Object v = t == null ? null : value(t, t.mapper.columnProperty(pair.remote()));
        setColumn(s, cast(s.mapper.columnProperty(pair.local())), v);
      }
    }
  }

  /** A column's value without loading: an expired key column is answered from the identity. */
  private Object value(InstanceState s, ColumnProperty<Object, ?> p) {
    if (s.expired().contains(p.fieldName())) {
      int i = s.mapper.primaryKey().indexOf(p);
      if (i >= 0 && s.key != null) {
        return s.key.value(i);
      }
      Loading.loadExpired(session, s);
    }
    return p.get(s.object);
  }

  private void setColumn(InstanceState s, ColumnProperty<Object, Object> p, Object v) {
    Object old = s.expired().contains(p.fieldName()) ? InstanceState.UNKNOWN : p.get(s.object);
    if (old != InstanceState.UNKNOWN && Objects.equals(old, v)) {
      return;
    }
    if (s.key != null && !s.pending) {
      if (s.committed == null) {
        s.committed = new HashMap<>();
      }
      s.committed.putIfAbsent(p.fieldName(), old);
      s.expired().remove(p.fieldName());
      session.modified(s);
    }
    p.set(s.object, v);
  }

  // ---- statements ---------------------------------------------------------------------------

  /**
   * INSERT of one pending object, gathered with the rows before it of the same table and columns
   * into one JDBC batch (executemany). A row whose key the database generates joins the batch too
   * where the driver reports every row's key ({@code Dialect.batchReturnsGeneratedKeys}:
   * PostgreSQL, H2, MariaDB); elsewhere (SQLite, embedded, where a statement is no network round
   * trip) it runs alone so that its key is read back exactly.
   */
  private void insert(InstanceState s) {
    syncManyToOne(s);
    if (dependsOnBatch(s)) {
      runBatch(); // a parent in the batch: its key first, then this row's foreign key
      syncManyToOne(s);
    }
    Mapper<Object> m = s.mapper;
    List<ColumnProperty<Object, ?>> props = m.columnProperties();
    // positional: values[i] belongs to the i-th column this row gives (the unit of work's rows take no map)
    Object[] values = new Object[props.size()];
    int given = 0;
    List<String> serverFilled = null; // made for the first column the server fills
    boolean generatesKey = false;
    long leftOut = 0; // bit i: column i not in this row (comparing the bits is how rows find their batch)
    // past 64 columns the rows compare the lists of columns they give instead of the bits
    List<Column<?>> wideColumns = props.size() > 64 ? new ArrayList<>() : null;
    int index = -1;
    for (ColumnProperty<Object, ?> p0 : props) {
      index++;
      ColumnProperty<Object, Object> p = cast(p0);
      Column<?> c = p.column();
      Object v = p.get(s.object);
      if (p.isVersion() && (v == null || ((Number) v).longValue() == 0)) {
        v = c.type().javaType() == Long.class ? (Object) 1L : (Object) 1;
        p.set(s.object, v);
      }
      if (v == null && c.defaultValue() != null) {
        v = c.defaultValue().get();
        p.set(s.object, v); // the object holds what the row holds
      }
      if (v == null && (c.isAutoincrement() || c.serverDefault() != null)) {
        if (c.isAutoincrement()) {
          generatesKey = true;
        } else {
          if (serverFilled == null) {
            serverFilled = new ArrayList<>();
          }
          serverFilled.add(p.fieldName());
        }
        leftOut |= index < 64 ? 1L << index : 0;
        continue;
      }
      values[given++] = v;
      if (wideColumns != null) {
        wideColumns.add(c);
      }
    }
    // Values the database chose (server defaults) are read on next access, as SQLAlchemy does without RETURNING.
    if (serverFilled != null) {
      s.expiredToChange().addAll(serverFilled);
    }
    // exactly one value per column given: insertRows binds the array as it is, without a copy
    Object[] row = given == values.length ? values : Arrays.copyOf(values, given);
    if (generatesKey && !conn.engine().dialect().batchReturnsGeneratedKeys()) {
      runBatch();
      List<Column<?>> cols = wideColumns != null ? wideColumns : givenColumns(m, leftOut);
      assignKey(s, conn.insertRows(new Insert<>(m.table()), cols, List.<Object[]>of(row)).insertedPrimaryKey());
      return;
    }
    boolean sameColumns = wideColumns != null ? batchColumns.equals(wideColumns) : leftOut == batchLeftOut;
    if (batchTable != m.table() || !sameColumns) {
      runBatch();
      batchTable = m.table();
      batchColumns = wideColumns != null ? wideColumns : givenColumns(m, leftOut);
      batchLeftOut = leftOut;
    }
    batchRows.add(row);
    batchStates.add(s);
    batchGeneratesKeys |= generatesKey;
  }

  /** The columns of {@code m} a row gives, those whose bit is not set in {@code leftOut} (at most 64 columns). */
  private static List<Column<?>> givenColumns(Mapper<Object> m, long leftOut) {
    return m.insertColumns(leftOut);
  }

  /** Whether a many-to-one target of {@code s} waits in the current batch, its key not known yet. */
  private boolean dependsOnBatch(InstanceState s) {
    if (batchStates.isEmpty()) {
      return false;
    }
    for (RelationshipProperty<Object, ?> r : s.mapper.relationships()) {
      if (r.direction() == RelationshipProperty.Direction.MANY_TO_ONE && !s.unloaded().contains(r.fieldName())) {
        Object target = r.get(s.object);
        if (target != null && batchStates.contains(InstanceState.of(target))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The object's primary key: what it holds, and the generated values where it held none. */
  private void assignKey(InstanceState s, List<Object> inserted) {
    Mapper<Object> m = s.mapper;
    List<ColumnProperty<Object, ?>> pk = m.primaryKey();
    // the usual one-column key goes straight into its identity key, without an array
    Object[] key = pk.size() == 1 ? null : new Object[pk.size()];
    Object only = null;
    for (int i = 0; i < pk.size(); i++) {
      ColumnProperty<Object, Object> p = cast(pk.get(i));
      Object v = p.get(s.object);
      if (v == null && inserted != null) {
        v = inserted.get(i);
        p.set(s.object, v);
      }
      if (key == null) {
        only = v;
      } else {
        key[i] = v;
      }
    }
    insertedStates.add(s);
    insertedKeys.add(key == null ? IdentityKey.of(m.mappedClass(), only) : new IdentityKey(m.mappedClass(), List.of(key)));
  }

  private Table batchTable;
  private List<Column<?>> batchColumns = List.of();
  private long batchLeftOut;
  private final List<Object[]> batchRows = new ArrayList<>();
  private final List<InstanceState> batchStates = new ArrayList<>();
  private boolean batchGeneratesKeys;

  /** Sends the gathered rows: one statement, executemany when there are several; generated keys land in the objects. */
  private void runBatch() {
    if (batchRows.isEmpty()) {
      return;
    }
    if (batchRows.size() == 1) {
      // a single row runs as one execute and its key is read back exactly, as a single INSERT's
      assignKey(batchStates.get(0), conn.insertRows(new Insert<>(batchTable), batchColumns, batchRows).insertedPrimaryKey());
    } else {
      Insert<Object> insert = new Insert<>(batchTable);
      if (batchGeneratesKeys) {
        insert = insert.withGeneratedKeys(); // asked for only when the database makes them
      }
      List<List<Object>> keys = conn.insertRows(insert, batchColumns, batchRows).insertedPrimaryKeyRows();
      for (int i = 0; i < batchStates.size(); i++) {
        assignKey(batchStates.get(i), keys == null ? null : keys.get(i));
      }
    }
    batchRows.clear();
    batchStates.clear();
    batchGeneratesKeys = false;
  }

  /** One object's UPDATE, waiting to run with the others that change the same columns. */
  private record PendingUpdate(InstanceState state, Map<String, Object> parameters, Object newVersion) {}

  /** UPDATEs gathered per set of changed columns, each group one executemany. */
  private final Map<List<String>, List<PendingUpdate>> updates = new LinkedHashMap<>();

  /** Gathers the UPDATE of the columns that changed (and the version check), to run in {@link #runUpdates}. */
  private void update(InstanceState s) {
    syncManyToOne(s);
    Set<ColumnProperty<Object, ?>> changed = s.changedColumns();
    if (changed.isEmpty()) {
      return;
    }
    Mapper<Object> m = s.mapper;
    List<String> columns = new ArrayList<>(changed.size());
    Map<String, Object> params = new HashMap<>();
    for (ColumnProperty<Object, ?> p : changed) {
      columns.add(p.column().name());
      params.put("set_" + p.column().name(), p.get(s.object));
    }
    List<Object> key = s.key.key();
    for (int i = 0; i < m.primaryKey().size(); i++) {
      params.put("key_" + m.primaryKey().get(i).column().name(), key.get(i));
    }
    Object newVersion = null;
    if (m.version() != null) {
      ColumnProperty<Object, Object> v = cast(m.version());
      Object current = value(s, v);
      Object old = s.committed != null && s.committed.containsKey(v.fieldName()) ? s.committed.get(v.fieldName()) : current;
      newVersion = old instanceof Long l ? (Object) (l + 1) : (Object) (((Number) old).intValue() + 1);
      params.put("set_" + v.column().name(), newVersion);
      params.put("old_version", old);
      if (!columns.contains(v.column().name())) {
        columns.add(v.column().name());
      }
    }
    updates.computeIfAbsent(columns, c -> new ArrayList<>()).add(new PendingUpdate(s, params, newVersion));
  }

  /**
   * Runs the gathered UPDATEs: one statement per set of changed columns, executemany when several
   * objects share it. Every row must match (by key, and version where there is one).
   */
  @SuppressWarnings("unchecked")
  private void runUpdates() {
    for (Map.Entry<List<String>, List<PendingUpdate>> group : updates.entrySet()) {
      List<PendingUpdate> rows = group.getValue();
      Mapper<Object> m = rows.get(0).state().mapper;
      Map<Column<?>, Expression<?>> set = new LinkedHashMap<>();
      for (String name : group.getKey()) {
        Column<?> c = columnNamed(m, name);
        set.put(c, org.jalchemy.sql.elements.BindParameter.named("set_" + name, c.type()));
      }
      List<Expression<Boolean>> where = new ArrayList<>();
      for (ColumnProperty<Object, ?> k : m.primaryKey()) {
        Column<Object> c = (Column<Object>) k.column();
        where.add(c.eq((Expression<Object>) (Expression<?>) org.jalchemy.sql.elements.BindParameter.named(
            "key_" + c.name(), c.type())));
      }
      if (m.version() != null) {
        Column<Object> c = (Column<Object>) m.version().column();
        where.add(c.eq((Expression<Object>) (Expression<?>) org.jalchemy.sql.elements.BindParameter.named("old_version", c.type())));
      }
      Update<Object> stmt = new Update<>(m.table()).values(set).where(BooleanClauseList.and(where));
      List<Map<String, Object>> params = new ArrayList<>(rows.size());
      rows.forEach(r -> params.add(r.parameters()));
      long count = rows.size() == 1 ? conn.execute(stmt, params.get(0)).rowcount() : conn.execute(stmt, params).rowcount();
      if (count != rows.size()) {
        String who = rows.size() == 1 ? rows.get(0).state().describe() : rows.size() + " objects";
        throw new StaleDataError("UPDATE of " + m.table().name() + " for " + who + " matched " + count + " row(s), expected "
            + rows.size() + ": another transaction changed its version or deleted the row. Fix: roll back, load the "
            + "object again and redo the change");
      }
      for (PendingUpdate r : rows) {
        if (r.newVersion() != null) {
          cast(m.version()).set(r.state().object, r.newVersion());
        }
      }
    }
    updates.clear();
  }

  private static Column<?> columnNamed(Mapper<Object> m, String name) {
    for (ColumnProperty<Object, ?> p : m.columnProperties()) {
      if (p.column().name().equals(name)) {
        return p.column();
      }
    }
    throw new IllegalStateException("no column " + name + " in " + m.table().name());
  }

  private void delete(InstanceState s) {
    Mapper<Object> m = s.mapper;
    List<Expression<Boolean>> where = new ArrayList<>();
    where.add(Loading.matching(Loading.primaryKeyColumns(m), s.key.key()));
    if (m.version() != null) {
      Object current = value(s, m.version());
      where.add(Loading.matching(List.of(m.version().column()), java.util.Collections.singletonList(current)));
    }
    long count = conn.execute(new Delete<>(m.table()).where(BooleanClauseList.and(where))).rowcount();
    if (count != 1) {
      throw new StaleDataError("DELETE of " + m.table().name() + " for " + s.describe() + " matched " + count
          + " row(s), expected 1: another transaction changed its version or deleted the row. Fix: roll back and "
          + "load the object again");
    }
  }

  /**
   * Rows of many-to-many secondary tables: deleted for removed pairs and deleted objects, inserted
   * for added pairs (after every INSERT above, so both keys exist). Both sides of a back-populated
   * pair describe the same row; the sets keep one.
   */
  private void writeAssociations() {
    Map<Table, Set<Map<Column<?>, Object>>> inserts = new LinkedHashMap<>();
    Map<Table, Set<Map<Column<?>, Object>>> deletes = new LinkedHashMap<>();
    List<InstanceState> owners = new ArrayList<>(session.pendingStates);
    owners.addAll(session.modifiedStates);
    for (InstanceState owner : owners) {
      for (RelationshipProperty<Object, ?> r : owner.mapper.relationships()) {
        if (r.direction() != RelationshipProperty.Direction.MANY_TO_MANY || owner.markedForDelete) {
          continue;
        }
        List<Object> added = owner.pending ? Loading.loadedValues(owner, r) : owner.associationsAdded(r);
        for (Object target : added) {
          inserts.computeIfAbsent(r.secondary(), t -> new LinkedHashSet<>()).add(associationRow(r, owner, target));
        }
        for (Object target : owner.associationsRemoved(r)) {
          if (!owner.pending) {
            deletes.computeIfAbsent(r.secondary(), t -> new LinkedHashSet<>()).add(associationRow(r, owner, target));
          }
        }
      }
    }
    for (InstanceState owner : session.deletedStates) {
      for (RelationshipProperty<Object, ?> r : owner.mapper.relationships()) {
        if (r.direction() == RelationshipProperty.Direction.MANY_TO_MANY) {
          List<Object> targets = new ArrayList<>(Loading.loadedValues(owner, r));
          targets.addAll(owner.associationsRemoved(r));
          for (Object target : targets) {
            deletes.computeIfAbsent(r.secondary(), t -> new LinkedHashSet<>()).add(associationRow(r, owner, target));
          }
        }
      }
    }
    for (Map.Entry<Table, Set<Map<Column<?>, Object>>> e : deletes.entrySet()) {
      Set<Map<Column<?>, Object>> rows = e.getValue();
      rows.removeAll(inserts.getOrDefault(e.getKey(), Set.of()));
      for (Map<Column<?>, Object> row : rows) {
        List<Column<?>> cols = new ArrayList<>(row.keySet());
        conn.execute(new Delete<>(e.getKey()).where(Loading.matching(cols, cols.stream().map(row::get).toList())));
      }
    }
    for (Map.Entry<Table, Set<Map<Column<?>, Object>>> e : inserts.entrySet()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Map<Column<?>, Object> row : e.getValue()) {
        Map<String, Object> named = new LinkedHashMap<>();
        row.forEach((c, v) -> named.put(c.name(), v));
        rows.add(named);
      }
      if (rows.size() == 1) {
        conn.execute(new Insert<>(e.getKey()).values(e.getValue().iterator().next()));
      } else if (!rows.isEmpty()) {
        conn.execute(new Insert<>(e.getKey()), rows);
      }
    }
  }

  /** The secondary row linking {@code owner} and {@code target}: each side's key in its foreign key columns. */
  private Map<Column<?>, Object> associationRow(RelationshipProperty<Object, ?> r, InstanceState owner, Object target) {
    InstanceState t = InstanceState.of(target);
    Map<Column<?>, Object> row = new LinkedHashMap<>();
    for (RelationshipProperty.ColumnPair pair : r.pairs()) {
      row.put(pair.remote(), value(owner, owner.mapper.columnProperty(pair.local())));
    }
    for (RelationshipProperty.ColumnPair pair : r.secondaryPairs()) {
      row.put(pair.remote(), value(t, t.mapper.columnProperty(pair.local())));
    }
    // One order for both sides of a back-populated pair, so that the two describe one row.
    Map<Column<?>, Object> ordered = new LinkedHashMap<>();
    for (Column<?> c : r.secondary().columns()) {
      if (row.containsKey(c)) {
        ordered.put(c, row.get(c));
      }
    }
    return ordered;
  }

  /** Every statement succeeded: the objects' states move on. */
  private void finish() {
    session.identityMap.ensureRoomFor(insertedStates.size());
    session.insertedInTransaction.ensureCapacity(session.insertedInTransaction.size() + insertedStates.size());
    for (int i = 0; i < insertedStates.size(); i++) {
      InstanceState s = insertedStates.get(i);
      s.settleExpiry(); // an expiry from while it was pending passes it by (it had no row then)
      s.key = insertedKeys.get(i);
      s.pending = false;
      s.insertedInTransaction = true;
      session.insertedInTransaction.add(s);
      session.identityMap.put(s.key, s.object);
      s.resetChanges();
    }
    session.pendingStates.clear();
    if (!session.modifiedStates.isEmpty()) { // (an empty set's iterator is still an object: skipped)
      for (InstanceState s : session.modifiedStates) {
        s.resetChanges();
      }
      session.modifiedStates.clear();
    }
    if (!session.deletedStates.isEmpty()) {
      for (InstanceState s : session.deletedStates) {
        s.markedForDelete = false;
        s.deletedFlushed = true;
        session.identityMap.remove(s.key, s.object);
        session.deletedInTransaction.add(s);
      }
      session.deletedStates.clear();
    }
  }
}
