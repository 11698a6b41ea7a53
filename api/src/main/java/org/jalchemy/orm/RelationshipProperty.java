package org.jalchemy.orm;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jalchemy.orm.internal.FieldAccessor;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.OrderByItem;

/**
 * One field holding related objects, resolved to the foreign keys that join the two tables.
 *
 * <pre>{@code
 * RelationshipProperty<User, Address> r = Mapper.of(User.class).relationship("addresses");
 * r.direction();      // ONE_TO_MANY
 * r.joinCondition();  // user_account.id = address.user_id
 * r.backPopulates();  // the "user" property of Address
 * }</pre>
 *
 * @param <E> the mapped class holding the field
 * @param <T> the related class
 */
public final class RelationshipProperty<E, T> {
  /** Which side holds the foreign key. */
  public enum Direction {
    /** The target table refers to this one: a collection, or a one-to-one when the field is single. */
    ONE_TO_MANY,
    /** This table refers to the target: a single reference. */
    MANY_TO_ONE,
    /** Both refer to an association ({@code secondary}) table. */
    MANY_TO_MANY
  }

  /** A column of this side and the column of the other side (or of the secondary table) it equals. */
  public record ColumnPair(Column<?> local, Column<?> remote) {}

  private final Class<E> owner;
  private final String fieldName;
  private final Class<T> targetClass;
  private final Class<?> collectionType;
  private final Direction direction;
  private final List<ColumnPair> pairs;
  private final Expression<Boolean> joinCondition;
  private final Table secondary;
  private final List<ColumnPair> secondaryPairs;
  private final Expression<Boolean> secondaryJoinCondition;
  private final String backPopulatesName;
  private final List<OrderByItem> orderBy;
  private final Set<Cascade> cascade;
  private final Lazy lazy;
  private final FieldAccessor accessor;
  private volatile RelationshipProperty<T, E> back;

  /** Made by the mapper configuration; applications read relationships from {@link Mapper}. */
  public RelationshipProperty(
      Class<E> owner,
      String fieldName,
      Class<T> targetClass,
      Class<?> collectionType,
      Direction direction,
      List<ColumnPair> pairs,
      Expression<Boolean> joinCondition,
      Table secondary,
      List<ColumnPair> secondaryPairs,
      Expression<Boolean> secondaryJoinCondition,
      String backPopulatesName,
      List<OrderByItem> orderBy,
      Set<Cascade> cascade,
      Lazy lazy,
      FieldAccessor accessor) {
    this.owner = owner;
    this.fieldName = fieldName;
    this.targetClass = targetClass;
    this.collectionType = collectionType;
    this.direction = direction;
    this.pairs = List.copyOf(pairs);
    this.joinCondition = joinCondition;
    this.secondary = secondary;
    this.secondaryPairs = List.copyOf(secondaryPairs);
    this.secondaryJoinCondition = secondaryJoinCondition;
    this.backPopulatesName = backPopulatesName;
    this.orderBy = List.copyOf(orderBy);
    this.cascade = cascade.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(cascade));
    this.lazy = lazy;
    this.accessor = accessor;
  }

  /** The class holding the field. */
  public Class<E> owner() {
    return owner;
  }

  public String fieldName() {
    return fieldName;
  }

  /** The related class. */
  public Class<T> targetClass() {
    return targetClass;
  }

  /** The related class's mapper. */
  public Mapper<T> target() {
    return Mapper.of(targetClass);
  }

  /** {@code List}, {@code Set} or {@code Collection} for a collection; null for a single reference. */
  public Class<?> collectionType() {
    return collectionType;
  }

  /** True when the field holds a collection (SQLAlchemy's {@code uselist}). */
  public boolean isCollection() {
    return collectionType != null;
  }

  public Direction direction() {
    return direction;
  }

  /**
   * The column pairs of the join: for ONE_TO_MANY (this table's key, the target's foreign key); for
   * MANY_TO_ONE (this table's foreign key, the target's key); for MANY_TO_MANY (this table's key,
   * the secondary table's foreign key to it).
   */
  public List<ColumnPair> pairs() {
    return pairs;
  }

  /** The ON condition from this class's table to the target's table (or to the secondary table). */
  public Expression<Boolean> joinCondition() {
    return joinCondition;
  }

  /** The association table of a many-to-many relationship, or null. */
  public Table secondary() {
    return secondary;
  }

  /** For MANY_TO_MANY: (the target table's key, the secondary table's foreign key to it). */
  public List<ColumnPair> secondaryPairs() {
    return secondaryPairs;
  }

  /** For MANY_TO_MANY: the ON condition from the secondary table to the target's table; else null. */
  public Expression<Boolean> secondaryJoinCondition() {
    return secondaryJoinCondition;
  }

  /** The other side's field name, or null. */
  public String backPopulatesName() {
    return backPopulatesName;
  }

  /** The other side's property, or null when none is declared. */
  public RelationshipProperty<T, E> backPopulates() {
    // Looked up once: the Session asks on every write of the field.
    RelationshipProperty<T, E> b = back;
    if (b == null && backPopulatesName != null) {
      b = target().<E>relationshipTo(backPopulatesName, owner);
      back = b;
    }
    return b;
  }

  /** The collection's order (target columns, maybe descending); empty when unordered. */
  public List<OrderByItem> orderBy() {
    return orderBy;
  }

  public Set<Cascade> cascade() {
    return cascade;
  }

  /** Whether {@code c} (or {@code ALL}, which covers all but delete-orphan) is in the cascade. */
  public boolean cascades(Cascade c) {
    return cascade.contains(c) || (c != Cascade.DELETE_ORPHAN && cascade.contains(Cascade.ALL));
  }

  public Lazy lazy() {
    return lazy;
  }

  /** The field's current value on {@code object}: the related object, or the collection. */
  public Object get(E object) {
    return accessor.get(object);
  }

  /** Sets the field on {@code object}. */
  public void set(E object, Object value) {
    accessor.set(object, value);
  }

  @Override
  public String toString() {
    return "RelationshipProperty(" + owner.getSimpleName() + "." + fieldName + " -> "
        + targetClass.getSimpleName() + ", " + direction + ")";
  }
}
