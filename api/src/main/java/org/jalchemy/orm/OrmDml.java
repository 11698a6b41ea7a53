package org.jalchemy.orm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.result.CursorResult;
import org.jalchemy.result.Row;
import org.jalchemy.schema.Column;
import org.jalchemy.sql.Delete;
import org.jalchemy.sql.DmlStatement;
import org.jalchemy.sql.Executable;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.Update;
import org.jalchemy.sql.elements.BindParameter;
import org.jalchemy.sql.elements.BooleanClauseList;

/**
 * ORM-enabled INSERT, UPDATE and DELETE, run by {@link Session#execute}:
 * <ul>
 *   <li>bulk INSERT of rows given as maps keyed by attribute (field) names, Java-side defaults
 *       applied, as one executemany; no objects are created;</li>
 *   <li>bulk UPDATE by primary key: each map holds the key attributes and the attributes to set;
 *       one executemany per set of keys; objects of those rows in the session have the updated
 *       attributes expired (they reload on next access);</li>
 *   <li>UPDATE or DELETE with WHERE, keeping the session's objects in step (SQLAlchemy's
 *       {@code synchronize_session='fetch'}): the primary keys of the matching rows are selected
 *       first; after an UPDATE the set attributes of those objects expire, after a DELETE those
 *       objects are deleted (a rollback brings them back).</li>
 * </ul>
 *
 * <pre>{@code
 * session.execute(insert(User.class), List.of(Map.of("name", "spongebob"), Map.of("name", "sandy")));
 * session.execute(update(User.class), List.of(Map.of("id", 1, "fullname", "Spongebob Squarepants")));
 * session.execute(update(User.class).where(User_.name.eq("sandy")).values(Map.of(User_.fullname, "Sandy C.")));
 * session.execute(delete(User.class).where(User_.name.eq("patrick")));
 * }</pre>
 */
public final class OrmDml {
  private OrmDml() {}

  /** {@code INSERT} into a mapped class's table, run by a Session as a bulk insert of attribute maps. */
  public static Insert<Object> insert(Class<?> entity) {
    return new Insert<>(Mapper.of(entity).table()).forEntity(entity);
  }

  /** {@code UPDATE} of a mapped class's table: bulk by primary key with a list, or with {@code where}. */
  public static Update<Object> update(Class<?> entity) {
    return new Update<>(Mapper.of(entity).table()).forEntity(entity);
  }

  /** {@code DELETE} from a mapped class's table with {@code where}, keeping the session in step. */
  public static Delete<Object> delete(Class<?> entity) {
    return new Delete<>(Mapper.of(entity).table()).forEntity(entity);
  }

  /** True when the statement targets a mapped class (so the session handles it, not Core alone). */
  static boolean isOrmEnabled(Executable<?> statement) {
    return statement instanceof DmlStatement<?> d && d.entity() != null;
  }

  @SuppressWarnings("unchecked")
  static <T> CursorResult<T> execute(Session session, Executable<T> statement, List<? extends Map<String, ?>> parameterSets) {
    DmlStatement<?> dml = (DmlStatement<?>) statement;
    Mapper<Object> mapper = (Mapper<Object>) Mapper.of(dml.entity());
    if (dml instanceof Insert<?> insert) {
      return (CursorResult<T>) bulkInsert(session, mapper, insert, parameterSets);
    }
    if (dml instanceof Update<?> update && !parameterSets.isEmpty()) {
      if (update.whereClause() != null || !update.values().isEmpty()) {
        throw new ArgumentError("a bulk UPDATE by primary key takes update(" + mapper.mappedClass().getSimpleName()
            + ".class) alone with the list of rows (each holding the key); for a WHERE, execute it without a list");
      }
      return (CursorResult<T>) bulkUpdateByKey(session, mapper, parameterSets);
    }
    if (!parameterSets.isEmpty()) {
      throw new ArgumentError("an ORM " + dml.getClass().getSimpleName().toUpperCase() + " with a list of rows is not "
          + "supported; execute it with its WHERE clause alone");
    }
    return (CursorResult<T>) synchronizedWhere(session, mapper, dml);
  }

  // ---- bulk INSERT --------------------------------------------------------------------------

  private static CursorResult<?> bulkInsert(Session session, Mapper<Object> mapper, Insert<?> insert,
      List<? extends Map<String, ?>> rows) {
    if (rows.isEmpty()) {
      return session.currentConnection().execute(insert);
    }
    List<Map<String, Object>> byColumn = new ArrayList<>(rows.size());
    for (Map<String, ?> row : rows) {
      byColumn.add(toColumnNames(mapper, row));
    }
    return session.currentConnection().execute(new Insert<>(mapper.table()), byColumn);
  }

  /** A row keyed by attribute (field) names, or column names, as a row keyed by column names. */
  private static Map<String, Object> toColumnNames(Mapper<Object> mapper, Map<String, ?> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : row.entrySet()) {
      out.put(columnOf(mapper, e.getKey()).name(), e.getValue());
    }
    return out;
  }

  private static Column<?> columnOf(Mapper<Object> mapper, String key) {
    ColumnProperty<Object, ?> p = mapper.findColumn(key);
    if (p != null) {
      return p.column();
    }
    for (ColumnProperty<Object, ?> q : mapper.columnProperties()) {
      if (q.column().name().equals(key)) {
        return q.column();
      }
    }
    throw new ArgumentError("'" + key + "' is not an attribute of " + mapper.mappedClass().getSimpleName() + "; its attributes are "
        + mapper.columnProperties().stream().map(ColumnProperty::fieldName).toList());
  }

  // ---- bulk UPDATE by primary key -------------------------------------------------------------

  private static CursorResult<?> bulkUpdateByKey(Session session, Mapper<Object> mapper, List<? extends Map<String, ?>> rows) {
    List<ColumnProperty<Object, ?>> key = mapper.primaryKey();
    // one executemany per set of attributes, as the SET list differs between them
    Map<Set<String>, List<Map<String, ?>>> groups = new LinkedHashMap<>();
    for (Map<String, ?> row : rows) {
      for (ColumnProperty<Object, ?> k : key) {
        if (row.get(k.fieldName()) == null) {
          throw new ArgumentError("each row of a bulk UPDATE of " + mapper.mappedClass().getSimpleName() + " names its primary key "
              + key.stream().map(ColumnProperty::fieldName).toList() + "; a row lacks '" + k.fieldName() + "': " + row);
        }
      }
      groups.computeIfAbsent(new LinkedHashSet<>(row.keySet()), g -> new ArrayList<>()).add(row);
    }
    long total = 0;
    Set<String> keyNames = new LinkedHashSet<>();
    key.forEach(k -> keyNames.add(k.fieldName()));
    for (Map.Entry<Set<String>, List<Map<String, ?>>> group : groups.entrySet()) {
      Map<Column<?>, Expression<?>> set = new LinkedHashMap<>();
      List<String> setNames = new ArrayList<>();
      for (String name : group.getKey()) {
        if (!keyNames.contains(name)) {
          Column<?> c = columnOf(mapper, name);
          set.put(c, BindParameter.named("set_" + c.name(), c.type()));
          setNames.add(name);
        }
      }
      if (set.isEmpty()) {
        continue;
      }
      List<Expression<Boolean>> where = new ArrayList<>();
      for (ColumnProperty<Object, ?> k : key) {
        where.add(equalsNamed(k.column(), "key_" + k.column().name()));
      }
      Update<Object> stmt = new Update<>(mapper.table()).values(set).where(BooleanClauseList.and(where));
      List<Map<String, Object>> params = new ArrayList<>();
      for (Map<String, ?> row : group.getValue()) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (String name : setNames) {
          p.put("set_" + columnOf(mapper, name).name(), row.get(name));
        }
        for (ColumnProperty<Object, ?> k : key) {
          p.put("key_" + k.column().name(), row.get(k.fieldName()));
        }
        params.add(p);
        expireInSession(session, mapper, keyOf(key, row), setNames);
      }
      total += session.currentConnection().execute(stmt, params).rowcount();
    }
    return CursorResult.ofRowcount(total, null);
  }

  @SuppressWarnings("unchecked")
  private static Expression<Boolean> equalsNamed(Column<?> column, String name) {
    Column<Object> c = (Column<Object>) column;
    return c.eq((Expression<Object>) (Expression<?>) BindParameter.named(name, c.type()));
  }

  private static List<Object> keyOf(List<ColumnProperty<Object, ?>> key, Map<String, ?> row) {
    List<Object> values = new ArrayList<>();
    for (ColumnProperty<Object, ?> k : key) {
      values.add(row.get(k.fieldName()));
    }
    return values;
  }

  /** The session's object for that key, if it holds one: the written attributes reload on next access. */
  private static void expireInSession(Session session, Mapper<Object> mapper, List<Object> key, List<String> attributes) {
    Object o = session.identityMap.get(new IdentityKey(mapper.mappedClass(), coerceKey(mapper, key)));
    if (o != null) {
      InstanceState s = InstanceState.of(o);
      s.expiredToChange().addAll(attributes);
      if (s.committed != null) {
        attributes.forEach(s.committed::remove);
      }
    }
  }

  /** Key values as the identity map holds them (the key columns' Java types). */
  private static List<Object> coerceKey(Mapper<Object> mapper, List<Object> key) {
    List<Object> out = new ArrayList<>(key.size());
    for (int i = 0; i < key.size(); i++) {
      out.add(mapper.primaryKey().get(i).column().type().coerce(key.get(i)));
    }
    return out;
  }

  // ---- UPDATE / DELETE with WHERE, synchronized -----------------------------------------------

  private static CursorResult<?> synchronizedWhere(Session session, Mapper<Object> mapper, DmlStatement<?> dml) {
    Expression<Boolean> where = dml instanceof Update<?> u ? u.whereClause() : ((Delete<?>) dml).whereClause();
    List<List<Object>> matched = matchingKeys(session, mapper, where);
    CursorResult<?> result = session.currentConnection().execute(dml);
    if (dml instanceof Update<?> update) {
      List<String> attributes = new ArrayList<>();
      for (Column<?> c : update.values().keySet()) {
        attributes.add(mapper.columnProperty(c).fieldName());
      }
      for (List<Object> key : matched) {
        expireInSession(session, mapper, key, attributes);
      }
    } else {
      for (List<Object> key : matched) {
        Object o = session.identityMap.get(new IdentityKey(mapper.mappedClass(), key));
        if (o != null) {
          InstanceState s = InstanceState.of(o);
          if (s.pending) {
            session.pendingStates.remove(s);
          }
          session.modifiedStates.remove(s);
          session.deletedStates.remove(s);
          s.markedForDelete = false;
          s.deletedFlushed = true;
          session.identityMap.remove(s.key, o);
          session.deletedInTransaction.add(s);
        }
      }
    }
    return result;
  }

  /** The primary keys of the rows a WHERE matches, selected before the statement changes them. */
  private static List<List<Object>> matchingKeys(Session session, Mapper<Object> mapper, Expression<Boolean> where) {
    List<Column<?>> keyColumns = Loading.primaryKeyColumns(mapper);
    Select<Object> q = new Select<>(keyColumns);
    if (where != null) {
      q = q.where(where);
    } else {
      q = q.selectFrom(mapper.table());
    }
    List<List<Object>> keys = new ArrayList<>();
    try (CursorResult<Object> rows = session.currentConnection().execute(q)) {
      for (Row r : rows) {
        List<Object> key = new ArrayList<>(keyColumns.size());
        for (int i = 0; i < keyColumns.size(); i++) {
          key.add(r.get(i));
        }
        keys.add(key);
      }
    }
    if (keys.size() > 100_000) {
      throw new InvalidRequestError("the WHERE of this ORM statement matches " + keys.size() + " rows; keeping the session in "
          + "step needs their keys in memory: run it on a Core connection (session.connection()) instead");
    }
    return keys;
  }
}
