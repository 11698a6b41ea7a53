package org.jalchemy.cdi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jalchemy.orm.EntityColumns;
import org.jalchemy.orm.Session;
import org.jalchemy.result.Result;
import org.jalchemy.sql.ExecutableOption;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.OrderByItem;
import org.jalchemy.sql.Select;

/**
 * Queries for the objects of one mapped class through the request's {@link Session}; injected by
 * type parameter, one bean per mapped class (and per named database, with {@link Database}).
 * Immutable: {@link #where}, {@link #orderBy} and {@link #options} return a narrower view.
 *
 * <pre>{@code
 * @Inject Rows<User> users;
 * User sandy = users.where(User_.name.eq("sandy")).one();
 * List<User> all = users.orderBy(User_.name).options(selectinload(User_.addresses)).all();
 * User same = users.get(sandy.getId());            // from the identity map, no SQL
 * }</pre>
 *
 * @param <T> the mapped class
 */
public class Rows<T> {
  private final Session session;
  private final Class<T> type;
  private final List<Expression<Boolean>> criteria;
  private final List<OrderByItem> ordering;
  private final List<ExecutableOption> options;

  /** Made by the extension for each mapped class. */
  public Rows(Session session, Class<T> type) {
    this(session, type, List.of(), List.of(), List.of());
  }

  private Rows(Session session, Class<T> type, List<Expression<Boolean>> criteria, List<OrderByItem> ordering,
      List<ExecutableOption> options) {
    this.session = Objects.requireNonNull(session, "session");
    this.type = Objects.requireNonNull(type, "type");
    this.criteria = criteria;
    this.ordering = ordering;
    this.options = options;
  }

  /** The mapped class. */
  public Class<T> type() {
    return type;
  }

  /** These rows narrowed by more WHERE criteria (combined with AND). */
  @SafeVarargs
  public final Rows<T> where(Expression<Boolean>... more) {
    return new Rows<>(session, type, plus(criteria, more), ordering, options);
  }

  /** These rows in an order. */
  public Rows<T> orderBy(OrderByItem... items) {
    return new Rows<>(session, type, criteria, plus(ordering, items), options);
  }

  /** These rows loaded with loader options ({@code selectinload(User_.addresses)}, …). */
  public Rows<T> options(ExecutableOption... more) {
    return new Rows<>(session, type, criteria, ordering, plus(options, more));
  }

  /** The SELECT these rows stand for, to refine with Core. */
  @SuppressWarnings("unchecked")
  public Select<T> statement() {
    Select<T> s = new Select<>(List.of(EntityColumns.of(type)));
    if (!criteria.isEmpty()) {
      s = s.where(criteria.toArray(new Expression[0]));
    }
    if (!ordering.isEmpty()) {
      s = s.orderBy(ordering.toArray(new OrderByItem[0]));
    }
    if (!options.isEmpty()) {
      s = s.options(options.toArray(new ExecutableOption[0]));
    }
    return s;
  }

  /** Every matching object. */
  public List<T> all() {
    return session.scalars(statement()).all();
  }

  /** The one matching object; fails when there are none or several. */
  public T one() {
    return session.scalars(statement()).one();
  }

  /** The first matching object, or null. */
  public T first() {
    return session.scalars(statement().limit(1)).first();
  }

  /** The object of a primary key, from the identity map when the session holds it; null when none. */
  public T get(Object id) {
    return session.get(type, id);
  }

  /** The objects of any select of this class ({@code select(User.class).join(…).where(…)}). */
  public Result<T> select(Select<T> statement) {
    return session.scalars(statement);
  }

  @SafeVarargs
  private static <E> List<E> plus(List<E> list, E... more) {
    List<E> all = new ArrayList<>(list);
    all.addAll(Arrays.asList(more));
    return List.copyOf(all);
  }

  @Override
  public String toString() {
    return "Rows<" + type.getSimpleName() + ">";
  }
}
