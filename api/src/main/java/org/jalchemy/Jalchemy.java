package org.jalchemy;

import java.util.Arrays;
import java.util.List;
import org.jalchemy.engine.Engine;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.CompoundSelect;
import org.jalchemy.sql.Delete;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.Functions;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.SelectBase;
import org.jalchemy.sql.SelectItem;
import org.jalchemy.sql.TextClause;
import org.jalchemy.sql.Update;
import org.jalchemy.sql.elements.BindParameter;
import org.jalchemy.sql.elements.BooleanClauseList;
import org.jalchemy.sql.elements.Case;
import org.jalchemy.sql.elements.Cast;
import org.jalchemy.sql.elements.Unary;
import org.jalchemy.sql.elements.UnaryOperator;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.Types;

/**
 * The one class to import statically: engine creation and the statement constructors. It only
 * delegates; the work lives in the packages named after the architecture.
 *
 * <pre>{@code
 * import static org.jalchemy.Jalchemy.*;
 *
 * Engine engine = createEngine("sqlite+xerial:///:memory:", Engine.Options.echo(true));
 * try (Connection conn = engine.connect()) {
 *   conn.execute(select(users.name).where(users.id.eq(1))).scalarOne();
 * }
 * }</pre>
 */
public final class Jalchemy {
  private Jalchemy() {}

  /** SQL functions: {@code func.count()}, {@code func.max(col)}, {@code func.named("name", …)}. */
  public static final Functions func = Functions.INSTANCE;

  /** An engine for a database URL with default options. Connects lazily. */
  public static Engine createEngine(String url) {
    return Engine.create(url, Engine.Options.defaults());
  }

  /** An engine for a database URL. Connects lazily. */
  public static Engine createEngine(String url, Engine.Options options) {
    return Engine.create(url, options);
  }

  /** {@code SELECT first, more…}. */
  public static <T> Select<T> select(Expression<T> first, SelectItem... more) {
    SelectItem[] all = new SelectItem[more.length + 1];
    all[0] = first;
    System.arraycopy(more, 0, all, 1, more.length);
    return new Select<>(Arrays.asList(all));
  }

  /** {@code SELECT} the columns of a mapped class; {@code Session.scalars} returns its objects. */
  public static <T> Select<T> select(Class<T> entity) {
    return new Select<>(List.of(org.jalchemy.orm.EntityColumns.of(entity)));
  }

  /**
   * {@code SELECT} several mapped classes (and columns): {@code session.execute} returns rows whose
   * items are the (identity-mapped) objects.
   *
   * <pre>{@code
   * for (Row r : session.execute(select(User.class, Address.class).join(User_.addresses))) {
   *   User u = (User) r.get(0); Address a = (Address) r.get(1);
   * }
   * }</pre>
   */
  public static Select<Object> select(Class<?> first, Class<?>... more) {
    List<SelectItem> items = new java.util.ArrayList<>();
    items.add(org.jalchemy.orm.EntityColumns.of(first));
    for (Class<?> c : more) {
      items.add(org.jalchemy.orm.EntityColumns.of(c));
    }
    return new Select<>(items);
  }

  /** {@code SELECT} a mapped class and further columns: {@code select(User.class, Address_.emailAddress)}. */
  public static Select<Object> select(Class<?> entity, SelectItem first, SelectItem... more) {
    List<SelectItem> items = new java.util.ArrayList<>();
    items.add(org.jalchemy.orm.EntityColumns.of(entity));
    items.add(first);
    items.addAll(Arrays.asList(more));
    return new Select<>(items);
  }

  /** A mapped class as a select item, to mix with columns: {@code select(entity(User.class), count())}. */
  public static <E> org.jalchemy.orm.EntityColumns<E> entity(Class<E> mappedClass) {
    return org.jalchemy.orm.EntityColumns.of(mappedClass);
  }

  /** Loader option: load the relationship for all returned objects with one extra {@code SELECT … WHERE key IN (…)}. */
  public static org.jalchemy.orm.LoaderOption selectinload(org.jalchemy.orm.RelationshipAttribute<?, ?> relationship) {
    return org.jalchemy.orm.LoaderOption.of(relationship, org.jalchemy.orm.Lazy.SELECTIN);
  }

  /** Loader option: load the relationship in the same SELECT, through a LEFT OUTER JOIN. */
  public static org.jalchemy.orm.LoaderOption joinedload(org.jalchemy.orm.RelationshipAttribute<?, ?> relationship) {
    return org.jalchemy.orm.LoaderOption.of(relationship, org.jalchemy.orm.Lazy.JOINED);
  }

  /** Loader option: accessing the relationship raises instead of emitting a SELECT. */
  public static org.jalchemy.orm.LoaderOption raiseload(org.jalchemy.orm.RelationshipAttribute<?, ?> relationship) {
    return org.jalchemy.orm.LoaderOption.of(relationship, org.jalchemy.orm.Lazy.RAISE);
  }

  /** Loader option: load the relationship on first access (the usual default). */
  public static org.jalchemy.orm.LoaderOption lazyload(org.jalchemy.orm.RelationshipAttribute<?, ?> relationship) {
    return org.jalchemy.orm.LoaderOption.of(relationship, org.jalchemy.orm.Lazy.SELECT);
  }

  /** Loader option: leave the relationship empty, never loading it. */
  public static org.jalchemy.orm.LoaderOption noload(org.jalchemy.orm.RelationshipAttribute<?, ?> relationship) {
    return org.jalchemy.orm.LoaderOption.of(relationship, org.jalchemy.orm.Lazy.NOLOAD);
  }

  /** Loader option: keep the relationship's own strategy, to chain options for deeper links. */
  public static org.jalchemy.orm.LoaderOption defaultload(org.jalchemy.orm.RelationshipAttribute<?, ?> relationship) {
    return org.jalchemy.orm.LoaderOption.of(relationship, null);
  }

  /** The ORM's view of a mapped object: {@code inspect(user).state()}. */
  public static org.jalchemy.orm.InstanceState inspect(Object mappedObject) {
    return org.jalchemy.orm.InstanceState.inspect(mappedObject);
  }

  /** {@code SELECT table.*}: every column of a table, alias or subquery, and further items. */
  public static Select<Object> select(org.jalchemy.sql.FromClause from, SelectItem... more) {
    SelectItem[] all = new SelectItem[more.length + 1];
    all[0] = from;
    System.arraycopy(more, 0, all, 1, more.length);
    return new Select<>(Arrays.asList(all));
  }

  /** {@code SELECT items…}, for lists of columns built at run time. */
  public static Select<Object> select(List<? extends SelectItem> items) {
    return new Select<>(items);
  }

  /** ORM-enabled {@code INSERT} into a mapped class's table: {@code session.execute(insert(User.class), rows)}. */
  public static Insert<Object> insert(Class<?> entity) {
    return org.jalchemy.orm.OrmDml.insert(entity);
  }

  /** ORM-enabled {@code UPDATE}: by primary key with a list of rows, or with {@code where}, keeping the session in step. */
  public static Update<Object> update(Class<?> entity) {
    return org.jalchemy.orm.OrmDml.update(entity);
  }

  /** ORM-enabled {@code DELETE} with {@code where}, keeping the session's objects in step. */
  public static Delete<Object> delete(Class<?> entity) {
    return org.jalchemy.orm.OrmDml.delete(entity);
  }

  /** {@code INSERT INTO table}. */
  public static Insert<Object> insert(Table table) {
    return new Insert<>(table);
  }

  /** {@code UPDATE table}. */
  public static Update<Object> update(Table table) {
    return new Update<>(table);
  }

  /** {@code DELETE FROM table}. */
  public static Delete<Object> delete(Table table) {
    return new Delete<>(table);
  }

  /** Literal SQL with {@code :name} bound parameters. */
  public static TextClause text(String sql) {
    return new TextClause(sql);
  }

  /** A value as a bound parameter, typed from its Java class. */
  public static <T> Expression<T> literal(T value) {
    return BindParameter.of(value, SqlType.forValue(value));
  }

  /** A value as a bound parameter of a given type. */
  public static <T> Expression<T> literal(T value, SqlType<T> type) {
    return BindParameter.of(value, type);
  }

  /** A named parameter whose value is given at execution: {@code conn.execute(stmt, Map.of("name", v))}. */
  public static <T> Expression<T> bindparam(String name, SqlType<T> type) {
    return BindParameter.named(name, type);
  }

  /** {@code a AND b AND …}; with no arguments, true. */
  @SafeVarargs
  public static Expression<Boolean> and(Expression<Boolean>... clauses) {
    return BooleanClauseList.and(Arrays.asList(clauses));
  }

  /** {@code a OR b OR …}; with no arguments, false. */
  @SafeVarargs
  public static Expression<Boolean> or(Expression<Boolean>... clauses) {
    return BooleanClauseList.or(Arrays.asList(clauses));
  }

  /** {@code NOT clause}. */
  public static Expression<Boolean> not(Expression<Boolean> clause) {
    return new Unary<>(clause, UnaryOperator.NOT, Types.BOOLEAN);
  }

  /** {@code CASE WHEN condition THEN value …}; continue with {@code .when(…)} and {@code .otherwise(…)}. */
  public static <T> Case<T> caseWhen(Expression<Boolean> condition, T value) {
    return Case.of(condition, BindParameter.of(value, SqlType.forValue(value)));
  }

  /** {@code CASE WHEN condition THEN expression …}. */
  public static <T> Case<T> caseWhen(Expression<Boolean> condition, Expression<T> value) {
    return Case.of(condition, value);
  }

  /** {@code CAST(expression AS type)}. */
  public static <T> Expression<T> cast(Expression<?> expression, SqlType<T> type) {
    return new Cast<>(expression, type);
  }

  /** {@code EXISTS (SELECT …)}: {@code select(users.name).where(exists(select(addresses.id).where(addresses.userId.eq(users.id))))}. */
  public static Expression<Boolean> exists(SelectBase<?> select) {
    return select.exists();
  }

  /** {@code first UNION others…}: {@code union(select(users.name), select(employees.name))}. */
  @SafeVarargs
  public static <T> CompoundSelect<T> union(SelectBase<T> first, SelectBase<? extends T>... others) {
    return first.union(others);
  }

  /** {@code first UNION ALL others…}. */
  @SafeVarargs
  public static <T> CompoundSelect<T> unionAll(SelectBase<T> first, SelectBase<? extends T>... others) {
    return first.unionAll(others);
  }

  /** {@code DISTINCT expression}, as in {@code func.count(distinct(users.name))}. */
  public static <T> Expression<T> distinct(Expression<T> expression) {
    return new Unary<>(expression, UnaryOperator.DISTINCT, expression.type());
  }
}
