package org.jalchemy.orm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.result.CursorResult;
import org.jalchemy.result.Result;
import org.jalchemy.result.Row;
import org.jalchemy.result.RowMetadata;
import org.jalchemy.schema.Column;
import org.jalchemy.sql.ClauseElement;
import org.jalchemy.sql.ExecutableOption;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.OrderByItem;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.SelectItem;
import org.jalchemy.sql.TableAlias;
import org.jalchemy.sql.elements.BooleanClauseList;
import org.jalchemy.sql.elements.Ordering;

/**
 * Runs a select that names mapped classes: adds the joins of joined eager loading, turns rows into
 * identity-mapped objects, fills the joined relationships, then runs the {@code SELECT … IN}
 * queries of selectin loading and records raise/noload per object.
 */
final class OrmQuery {
  /** selectin loading sends at most this many keys per {@code IN}, as SQLAlchemy does. */
  static final int IN_CHUNK = 500;

  private final Session session;
  private final Select<?> statement;
  /** Per select item: the plan of its mapped class, or null for a column item. */
  private final LoadPlan[] plans;
  private final List<Joined> joined = new ArrayList<>();
  /** Per entity item: its joined links at the top, in row order. */
  private final Map<Integer, List<Joined>> joinedByItem = new HashMap<>();
  private boolean joinedCollection;
  private int aliasCounter;

  /** A relationship loaded through a LEFT OUTER JOIN: where its columns are and what hangs below. */
  private static final class Joined {
    final RelationshipProperty<Object, ?> relationship;
    final EntityColumns<?> target;
    final int offset;
    final List<Joined> below = new ArrayList<>();
    /** Parent state → the related objects met in the rows, when the relationship was unloaded. */
    final Map<InstanceState, LinkedHashSet<Object>> collected = new LinkedHashMap<>();
    final Set<InstanceState> skipped = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    Joined(RelationshipProperty<Object, ?> relationship, EntityColumns<?> target, int offset) {
      this.relationship = relationship;
      this.target = target;
      this.offset = offset;
    }
  }

  private OrmQuery(Session session, Select<?> statement, LoadPlan[] plans) {
    this.session = session;
    this.statement = statement;
    this.plans = plans;
  }

  /** True when the select names a mapped class (so the session returns objects for it). */
  static boolean isOrm(Select<?> select) {
    for (SelectItem i : select.items()) {
      if (i instanceof EntityColumns<?>) {
        return true;
      }
    }
    return false;
  }

  /** The objects (or values) of the first item of each row. */
  @SuppressWarnings("unchecked")
  static <T> Result<T> scalars(Session session, Select<T> select) {
    OrmQuery q = forStatement(session, select);
    if (q.isOneClassWithoutEagerLoading()) {
      return select.executionOptions().stream() ? (Result<T>) q.streamOneClass() : Result.of((List<T>) q.runOneClass());
    }
    if (select.executionOptions().stream() && q.isOneClassWithoutJoins()) {
      return (Result<T>) q.streamOneClassInBatches(select.executionOptions().fetchSize());
    }
    List<Object[]> rows = q.run();
    List<T> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add((T) r[0]);
    }
    return Result.of(out);
  }

  /** Rows whose mapped-class items are objects. */
  static <T> CursorResult<T> execute(Session session, Select<T> select) {
    OrmQuery q = forStatement(session, select);
    List<Object[]> values = q.run();
    List<String> keys = new ArrayList<>();
    List<Expression<?>> columns = new ArrayList<>();
    for (SelectItem item : select.items()) {
      if (item instanceof EntityColumns<?> e) {
        keys.add(e.mapper().mappedClass().getSimpleName());
        columns.add(null);
      } else {
        for (Expression<?> c : item.selectedColumns()) {
          String k = c.keyName();
          keys.add(k == null ? "_col" + keys.size() : k);
          columns.add(c);
        }
      }
    }
    RowMetadata metadata = new RowMetadata(keys, columns);
    List<Row> rows = new ArrayList<>(values.size());
    for (Object[] v : values) {
      rows.add(new Row(metadata, v));
    }
    Result<Row> listed = Result.of(rows);
    return new CursorResult<>(new org.jalchemy.result.RowSource<>() {
      private final java.util.Iterator<Row> it = listed.iterator();
      private Row current;

      @Override
      public boolean next() {
        if (!it.hasNext()) {
          return false;
        }
        current = it.next();
        return true;
      }

      @Override
      public Row current() {
        return current;
      }

      @Override
      public void close() {}
    }, metadata, rows.size(), null);
  }

  private static OrmQuery forStatement(Session session, Select<?> select) {
    List<LoaderOption> options = new ArrayList<>();
    for (ExecutableOption o : select.executableOptions()) {
      if (o instanceof LoaderOption l) {
        options.add(l);
      }
    }
    List<SelectItem> items = select.items();
    LoadPlan[] plans = new LoadPlan[items.size()];
    Set<LoaderOption> used = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof EntityColumns<?> e) {
        plans[i] = options.isEmpty() ? LoadPlan.defaults(e.mapper()) : LoadPlan.of(e.mapper(), options, used);
      }
    }
    for (LoaderOption o : options) {
      if (!used.contains(o)) {
        throw new ArgumentError("the loader option " + o + " starts at "
            + o.path().get(0).attribute().mappedClass().getSimpleName() + ", which this select does not return; "
            + "start it at a selected class, or chain it from one");
      }
    }
    return new OrmQuery(session, select, plans);
  }

  /** Runs a query for one mapped class with a given plan (selectin loading of a level below). */
  private static List<Object[]> runWithPlan(Session session, Select<?> select, int entityItem, LoadPlan plan) {
    LoadPlan[] plans = new LoadPlan[select.items().size()];
    plans[entityItem] = plan;
    return new OrmQuery(session, select, plans).run();
  }

  // ---- running ---------------------------------------------------------------------------------

  private List<Object[]> run() {
    List<SelectItem> items = statement.items();
    int[] offsets = new int[items.size()];
    int width = 0;
    for (int i = 0; i < items.size(); i++) {
      offsets[i] = width;
      width += items.get(i).selectedColumns().size();
    }
    Select<?> expanded = statement;
    int columnCount = width;
    for (int i = 0; i < items.size(); i++) {
      if (plans[i] != null && !plans[i].isEmpty()) {
        EntityColumns<?> e = (EntityColumns<?>) items.get(i);
        List<Joined> top = new ArrayList<>();
        Object[] state = {expanded, columnCount};
        addJoins(state, e.mapper().table(), plans[i], top);
        expanded = (Select<?>) state[0];
        columnCount = (Integer) state[1];
        joinedByItem.put(i, top);
      }
    }
    if (joinedCollection && (statement.limitClause() != null || statement.offsetClause() != null)) {
      throw new InvalidRequestError("joinedload of a collection cannot be combined with limit()/offset(): the limit would "
          + "cut the joined rows, not the parent objects; use selectinload for that relationship instead");
    }
    List<Object[]> out = new ArrayList<>();
    int rowSize = columnIndex(items, items.size());
    // hydrate copies what it needs out of each row, so one Row object serves them all.
    List<Object[]> hydrated = out;
    session.currentConnection().forEachRow(expanded, row -> hydrated.add(hydrate(row, items, offsets, rowSize)));
    finishJoined(joined);
    if (joinedCollection) {
      out = unique(out);
    }
    for (int i = 0; i < items.size(); i++) {
      if (plans[i] != null && !plans[i].isEmpty()) {
        List<Object> objects = new ArrayList<>();
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object[] r : out) {
          Object o = r[columnIndex(items, i)];
          if (o != null && seen.add(o)) {
            objects.add(o);
          }
        }
        afterLoad(session, objects, plans[i]);
      }
    }
    return out;
  }

  /** One mapped class selected and nothing loaded eagerly with it: each row is one object. */
  private boolean isOneClassWithoutEagerLoading() {
    return statement.items().size() == 1 && statement.items().get(0) instanceof EntityColumns<?>
        && (plans[0] == null || plans[0].isEmpty());
  }

  /**
   * {@link #run} for {@link #isOneClassWithoutEagerLoading}: the objects themselves, without an
   * array per row around each (the common {@code session.scalars(select(User.class))}).
   */
  private List<Object> runOneClass() {
    EntityColumns<?> entity = (EntityColumns<?>) statement.items().get(0);
    List<Object> out = new ArrayList<>();
    session.currentConnection().forEachRow(statement, row -> out.add(Loading.load(session, entity, row, 0)));
    return out;
  }

  /**
   * {@link #runOneClass} under {@code yieldPer}: each object is loaded (into the identity map) as
   * its row is read, and the cursor stays open until the result is read to the end or closed, so
   * a reader that keeps no object holds about one fetch of them at a time, as SQLAlchemy's
   * {@code yield_per} does.
   */
  private Result<Object> streamOneClass() {
    EntityColumns<?> entity = (EntityColumns<?>) statement.items().get(0);
    return session.currentConnection().execute(statement).map(row -> Loading.load(session, entity, row, 0));
  }

  /** One mapped class selected, its eager loaders all selectin (a query per batch of parents), none joined. */
  private boolean isOneClassWithoutJoins() {
    return statement.items().size() == 1 && statement.items().get(0) instanceof EntityColumns<?>
        && plans[0] != null && !plans[0].joinsAny();
  }

  /**
   * {@link #streamOneClass} with selectin loaders: the objects of {@code batch} rows at a time are
   * loaded, then the relationships of that batch with one {@code SELECT … IN} each (on the same
   * connection, the cursor still open), then handed out; as SQLAlchemy's {@code yield_per} does
   * with {@code selectinload}. A reader that keeps no object holds one batch at a time.
   */
  private Result<Object> streamOneClassInBatches(int batch) {
    EntityColumns<?> entity = (EntityColumns<?>) statement.items().get(0);
    LoadPlan plan = plans[0];
    int size = batch > 0 ? batch : 1000; // streaming asked for without a size: batches of yieldPer(1000)'s
    Result<Row> rows = session.currentConnection().execute(statement);
    java.util.Iterator<Row> cursor = rows.iterator();
    return new Result<>(new org.jalchemy.result.RowSource<>() {
      private List<Object> loaded = List.of();
      private int index;

      @Override
      public boolean next() {
        if (++index < loaded.size()) {
          return true;
        }
        List<Object> next = new ArrayList<>(Math.min(size, 1024));
        while (next.size() < size && cursor.hasNext()) {
          next.add(Loading.load(session, entity, cursor.next(), 0));
        }
        loaded = next;
        index = 0;
        if (next.isEmpty()) {
          return false;
        }
        // a row repeated within the batch is one object: its relationships are asked for once
        Set<Object> distinct = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> parents = new ArrayList<>(next.size());
        for (Object o : next) {
          if (o != null && distinct.add(o)) {
            parents.add(o);
          }
        }
        afterLoad(session, parents, plan);
        return true;
      }

      @Override
      public Object current() {
        return loaded.get(index);
      }

      @Override
      public void close() {
        rows.close();
      }
    });
  }

  private static int columnIndex(List<SelectItem> items, int item) {
    int index = 0;
    for (int i = 0; i < item; i++) {
      index += items.get(i) instanceof EntityColumns<?> ? 1 : items.get(i).selectedColumns().size();
    }
    return index;
  }

  private Object[] hydrate(Row row, List<SelectItem> items, int[] offsets, int size) {
    Object[] values = new Object[size];
    int k = 0;
    for (int i = 0; i < items.size(); i++) {
      SelectItem item = items.get(i);
      if (item instanceof EntityColumns<?> e) {
        Object o = Loading.load(session, e, row, offsets[i]);
        values[k++] = o;
        List<Joined> top = joinedByItem.isEmpty() ? null : joinedByItem.get(i);
        if (o != null && top != null) {
          collectJoined(InstanceState.of(o), top, row);
        }
      } else {
        for (int c = 0; c < item.selectedColumns().size(); c++) {
          values[k++] = row.get(offsets[i] + c);
        }
      }
    }
    return values;
  }

  private void collectJoined(InstanceState parent, List<Joined> links, Row row) {
    for (Joined j : links) {
      Object child = Loading.load(session, j.target, row, j.offset);
      if (!j.skipped.contains(parent)) {
        LinkedHashSet<Object> bucket = j.collected.get(parent);
        if (bucket == null) {
          if (!parent.unloaded().contains(j.relationship.fieldName())) {
            j.skipped.add(parent); // loaded already: keep what the object holds
          } else {
            bucket = new LinkedHashSet<>();
            j.collected.put(parent, bucket);
          }
        }
        if (bucket != null && child != null) {
          bucket.add(child);
        }
      }
      if (child != null && !j.below.isEmpty()) {
        collectJoined(InstanceState.of(child), j.below, row);
      }
    }
  }

  private void finishJoined(List<Joined> all) {
    for (Joined j : all) {
      for (Map.Entry<InstanceState, LinkedHashSet<Object>> e : j.collected.entrySet()) {
        Loading.setLoaded(e.getKey(), j.relationship, new ArrayList<>(e.getValue()));
      }
    }
  }

  private static List<Object[]> unique(List<Object[]> rows) {
    Set<List<Object>> seen = new HashSet<>();
    List<Object[]> out = new ArrayList<>();
    for (Object[] r : rows) {
      List<Object> key = new ArrayList<>(r.length);
      for (Object v : r) {
        key.add(v instanceof ManagedEntity ? new IdentityBox(v) : v);
      }
      if (seen.add(key)) {
        out.add(r);
      }
    }
    return out;
  }

  /** Compares mapped objects by identity, whatever their equals says. */
  private record IdentityBox(Object o) {
    @Override
    public boolean equals(Object other) {
      return other instanceof IdentityBox b && b.o == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(o);
    }
  }

  // ---- joined eager loading: the joins and columns ---------------------------------------------

  /** Adds a LEFT OUTER JOIN (and the target's columns) for each joined link of {@code plan} from {@code parent}. */
  private void addJoins(Object[] state, FromClause parent, LoadPlan plan, List<Joined> into) {
    for (LoadPlan.Link link : plan.links.values()) {
      if (link.strategy() != Lazy.JOINED) {
        continue;
      }
      RelationshipProperty<Object, ?> r = link.relationship();
      Select<?> s = (Select<?>) state[0];
      TableAlias target = new TableAlias(r.target().table(), r.target().table().name() + "_" + (++aliasCounter));
      if (r.secondary() != null) {
        TableAlias secondary = new TableAlias(r.secondary(), r.secondary().name() + "_" + (++aliasCounter));
        s = s.outerJoinFrom(parent, secondary, pairsCondition(parent, r.pairs(), secondary, true));
        s = s.outerJoinFrom(secondary, target, secondaryCondition(target, r.secondaryPairs(), secondary));
      } else {
        s = s.outerJoinFrom(parent, target, pairsCondition(parent, r.pairs(), target, false));
      }
      List<Expression<?>> cols = new ArrayList<>();
      for (ColumnProperty<?, ?> p : r.target().columnProperties()) {
        cols.add(target.c(p.column()));
      }
      s = s.addColumns(cols.toArray(new SelectItem[0]));
      if (r.isCollection()) {
        joinedCollection = true;
        if (!r.orderBy().isEmpty()) {
          s = s.orderBy(adapt(r.orderBy(), target));
        }
      }
      int offset = (Integer) state[1];
      Joined j = new Joined(r, EntityColumns.of(r.targetClass()), offset);
      state[0] = s;
      state[1] = offset + cols.size();
      joined.add(j);
      into.add(j);
      addJoins(state, target, link.child(), j.below);
    }
  }

  /** {@code parent.local = alias.remote} for each pair (the parent side may itself be an alias). */
  @SuppressWarnings("unchecked")
  private static Expression<Boolean> pairsCondition(FromClause parent, List<RelationshipProperty.ColumnPair> pairs,
      TableAlias alias, boolean remoteIsAlias) {
    List<Expression<Boolean>> terms = new ArrayList<>();
    for (RelationshipProperty.ColumnPair pair : pairs) {
      Expression<Object> local = (Expression<Object>) columnOf(parent, pair.local());
      Expression<Object> remote = (Expression<Object>) alias.c(pair.remote());
      terms.add(local.eq(remote));
    }
    return terms.size() == 1 ? terms.get(0) : BooleanClauseList.and(terms);
  }

  /** For many-to-many: {@code target.key = secondary.fk} for each pair. */
  @SuppressWarnings("unchecked")
  private static Expression<Boolean> secondaryCondition(TableAlias target, List<RelationshipProperty.ColumnPair> pairs,
      TableAlias secondary) {
    List<Expression<Boolean>> terms = new ArrayList<>();
    for (RelationshipProperty.ColumnPair pair : pairs) {
      terms.add(((Expression<Object>) target.c(pair.local())).eq((Expression<Object>) secondary.c(pair.remote())));
    }
    return terms.size() == 1 ? terms.get(0) : BooleanClauseList.and(terms);
  }

  private static Expression<?> columnOf(FromClause from, Column<?> column) {
    return from instanceof TableAlias a ? a.c(column) : column;
  }

  private static OrderByItem[] adapt(List<OrderByItem> order, TableAlias alias) {
    OrderByItem[] out = new OrderByItem[order.size()];
    for (int i = 0; i < out.length; i++) {
      ClauseElement e = order.get(i).orderByElement();
      if (e instanceof Ordering o && o.element() instanceof Column<?> c) {
        out[i] = new Ordering(alias.c(c), o.direction(), o.nulls());
      } else if (e instanceof Column<?> c) {
        out[i] = alias.c(c);
      } else {
        throw new InvalidRequestError("cannot order a joined collection by " + e + "; order it by columns of its table");
      }
    }
    return out;
  }

  // ---- after the rows: selectin loading, raise and noload ----------------------------------------

  /** Applies the plan's non-joined links to objects just loaded (joined ones are filled; walk below them). */
  static void afterLoad(Session session, List<Object> objects, LoadPlan plan) {
    if (objects.isEmpty()) {
      return;
    }
    for (LoadPlan.Link link : plan.links.values()) {
      RelationshipProperty<Object, ?> r = link.relationship();
      switch (link.strategy()) {
        case JOINED -> afterLoad(session, related(objects, r), link.child());
        case SELECTIN -> selectin(session, objects, r, link.child());
        case RAISE, NOLOAD, SELECT -> {
          if (link.explicit()) {
            for (Object o : objects) {
              InstanceState.of(o).overrideLoading(r.fieldName(), link.strategy());
            }
          }
        }
      }
    }
  }

  private static List<Object> related(List<Object> objects, RelationshipProperty<Object, ?> r) {
    List<Object> out = new ArrayList<>();
    Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Object o : objects) {
      for (Object v : Loading.loadedValues(InstanceState.of(o), r)) {
        if (seen.add(v)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  /** One {@code SELECT … WHERE key IN (…)} per chunk of parents whose relationship is not loaded. */
  private static void selectin(Session session, List<Object> objects, RelationshipProperty<Object, ?> r, LoadPlan child) {
    List<InstanceState> parents = new ArrayList<>();
    for (Object o : objects) {
      InstanceState s = InstanceState.of(o);
      if (s.unloaded().contains(r.fieldName()) && s.key != null) {
        parents.add(s);
      }
    }
    for (int from = 0; from < parents.size(); from += IN_CHUNK) {
      List<InstanceState> chunk = parents.subList(from, Math.min(parents.size(), from + IN_CHUNK));
      if (r.direction() == RelationshipProperty.Direction.MANY_TO_ONE) {
        manyToOne(session, chunk, r, child);
      } else {
        toMany(session, chunk, r, child);
      }
    }
  }

  /** Many-to-one: targets already in the identity map need no SQL; the others come by key IN (…). */
  private static void manyToOne(Session session, List<InstanceState> parents, RelationshipProperty<Object, ?> r, LoadPlan child) {
    Mapper<?> target = r.target();
    List<Column<?>> remote = new ArrayList<>();
    for (RelationshipProperty.ColumnPair pair : r.pairs()) {
      remote.add(pair.remote());
    }
    Map<InstanceState, List<Object>> wanted = new LinkedHashMap<>();
    Set<List<Object>> missing = new LinkedHashSet<>();
    for (InstanceState s : parents) {
      List<Object> values = new ArrayList<>();
      for (RelationshipProperty.ColumnPair pair : r.pairs()) {
        values.add(Loading.localValue(session, s, pair.local()));
      }
      if (values.contains(null)) {
        Loading.setLoaded(s, r, List.of());
        continue;
      }
      wanted.put(s, values);
      if (byRemote(session, target, remote, values) == null) {
        missing.add(values);
      }
    }
    List<Object> presentBefore = new ArrayList<>();
    if (!child.isEmpty()) {
      for (List<Object> v : wanted.values()) {
        Object t = byRemote(session, target, remote, v);
        if (t != null) {
          presentBefore.add(t);
        }
      }
    }
    if (!missing.isEmpty()) {
      Select<Object> q = new Select<>(List.of(EntityColumns.of(target.mappedClass()))).where(in(remote, missing));
      runWithPlan(session, q, 0, child);
    }
    afterLoad(session, presentBefore, child);
    for (Map.Entry<InstanceState, List<Object>> e : wanted.entrySet()) {
      Object t = byRemote(session, target, remote, e.getValue());
      Loading.setLoaded(e.getKey(), r, t == null ? List.of() : List.of(t));
    }
  }

  /** The target object whose {@code remote} columns hold {@code values}, from the identity map (by key) or null. */
  private static Object byRemote(Session session, Mapper<?> target, List<Column<?>> remote, List<Object> values) {
    List<Object> key = new ArrayList<>();
    for (ColumnProperty<?, ?> p : target.primaryKey()) {
      int i = remote.indexOf(p.column());
      if (i < 0) {
        return scanByColumns(session, target, remote, values);
      }
      key.add(values.get(i));
    }
    return session.identityMap.get(new IdentityKey(target.mappedClass(), key));
  }

  /** A many-to-one to a unique column other than the key: find the target among the session's objects. */
  @SuppressWarnings("unchecked")
  private static Object scanByColumns(Session session, Mapper<?> target, List<Column<?>> remote, List<Object> values) {
    for (Object o : session.identityMap.objects()) {
      if (target.mappedClass().isInstance(o)) {
        Mapper<Object> m = (Mapper<Object>) target;
        boolean all = true;
        for (int i = 0; i < remote.size() && all; i++) {
          all = java.util.Objects.equals(m.columnProperty(remote.get(i)).get(o), values.get(i));
        }
        if (all) {
          return o;
        }
      }
    }
    return null;
  }

  /** One-to-many and many-to-many: the targets whose foreign keys (or association rows) point at the parents. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void toMany(Session session, List<InstanceState> parents, RelationshipProperty<Object, ?> r, LoadPlan child) {
    List<Column<?>> remote = new ArrayList<>();
    for (RelationshipProperty.ColumnPair pair : r.pairs()) {
      remote.add(pair.remote());
    }
    Map<List<Object>, List<InstanceState>> byKey = new LinkedHashMap<>();
    List<List<Object>> keys = new ArrayList<>(); // as the objects hold them, to bind
    for (InstanceState s : parents) {
      List<Object> values = new ArrayList<>();
      for (RelationshipProperty.ColumnPair pair : r.pairs()) {
        values.add(Loading.localValue(session, s, pair.local()));
      }
      byKey.computeIfAbsent(canonical(values), k -> {
        keys.add(values);
        return new ArrayList<>();
      }).add(s);
    }
    // SELECT remote…, target.* FROM target [JOIN secondary] WHERE remote IN (…): the leading columns say whose it is
    List<SelectItem> items = new ArrayList<>(remote);
    items.add(EntityColumns.of(r.targetClass()));
    Select<Object> q = new Select<>(items);
    if (r.secondary() != null) {
      q = q.selectFrom(r.target().table()).join(r.secondary(), r.secondaryJoinCondition());
    }
    q = q.where(in(remote, keys));
    if (!r.orderBy().isEmpty()) {
      q = q.orderBy(r.orderBy().toArray(new OrderByItem[0]));
    }
    List<Object[]> rows = runWithPlan(session, q, remote.size(), child);
    Map<List<Object>, List<Object>> children = new HashMap<>();
    for (Object[] row : rows) {
      List<Object> key = new ArrayList<>(remote.size());
      for (int i = 0; i < remote.size(); i++) {
        key.add(row[i]);
      }
      children.computeIfAbsent(canonical(key), k -> new ArrayList<>()).add(row[remote.size()]);
    }
    for (Map.Entry<List<Object>, List<InstanceState>> e : byKey.entrySet()) {
      List<Object> found = children.getOrDefault(e.getKey(), List.of());
      for (InstanceState s : e.getValue()) {
        Loading.setLoaded(s, r, found);
      }
    }
  }

  /**
   * A key in a form that compares equal whatever integer type the driver returned (a foreign key
   * may come back as Long where the parent's key holds an Integer).
   */
  private static List<Object> canonical(List<Object> key) {
    List<Object> out = new ArrayList<>(key.size());
    for (Object v : key) {
      out.add(v instanceof Integer || v instanceof Short || v instanceof Byte ? Long.valueOf(((Number) v).longValue()) : v);
    }
    return out;
  }

  /** {@code col IN (…)} for one column, or {@code (a = ? AND b = ?) OR …} for several. */
  @SuppressWarnings("unchecked")
  private static Expression<Boolean> in(List<Column<?>> columns, java.util.Collection<List<Object>> keys) {
    if (columns.size() == 1) {
      List<Object> values = new ArrayList<>(keys.size());
      for (List<Object> k : keys) {
        values.add(k.get(0));
      }
      return ((Column<Object>) columns.get(0)).in(values);
    }
    List<Expression<Boolean>> alternatives = new ArrayList<>();
    for (List<Object> k : keys) {
      alternatives.add(Loading.matching(columns, k));
    }
    return BooleanClauseList.or(alternatives);
  }
}
