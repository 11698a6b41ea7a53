package org.jalchemy.orm;

import org.jalchemy.sql.Expression;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.JoinTarget;

/**
 * A relationship in the typed metamodel ({@code User_.addresses}): a join target carrying its own
 * ON condition, from the foreign keys the mapper resolved, and (later) the path for loader options.
 *
 * <pre>{@code
 * select(User_.name, Address_.emailAddress).join(User_.addresses);
 * // SELECT … FROM user_account JOIN address ON user_account.id = address.user_id
 * }</pre>
 *
 * <p>A many-to-many relationship joins the association table and then the target:
 * {@code secondary JOIN target ON …}, attached to this class's table by the primary condition.
 *
 * @param <E> the mapped class holding the relationship
 * @param <T> the related class
 */
public final class RelationshipAttribute<E, T> implements JoinTarget {
  private final Class<E> mappedClass;
  private final String fieldName;
  private final Class<T> targetClass;
  private volatile RelationshipProperty<E, T> property;

  private RelationshipAttribute(Class<E> mappedClass, String fieldName, Class<T> targetClass) {
    this.mappedClass = mappedClass;
    this.fieldName = fieldName;
    this.targetClass = targetClass;
  }

  /** Used by generated metamodel classes. */
  public static <E, T> RelationshipAttribute<E, T> of(Class<E> mappedClass, String fieldName, Class<T> targetClass) {
    return new RelationshipAttribute<>(mappedClass, fieldName, targetClass);
  }

  public Class<E> mappedClass() {
    return mappedClass;
  }

  public String fieldName() {
    return fieldName;
  }

  /** The related class. */
  public Class<T> targetClass() {
    return targetClass;
  }

  /** The resolved relationship (configures the base on first call). */
  public RelationshipProperty<E, T> property() {
    RelationshipProperty<E, T> p = property;
    if (p == null) {
      p = Mapper.of(mappedClass).relationshipTo(fieldName, targetClass);
      property = p;
    }
    return p;
  }

  @Override
  public FromClause joinTarget() {
    RelationshipProperty<E, T> p = property();
    FromClause target = p.target().table();
    if (p.secondary() != null) {
      return p.secondary().join(target, p.secondaryJoinCondition());
    }
    return target;
  }

  @Override
  public Expression<Boolean> joinCondition() {
    return property().joinCondition();
  }

  @Override
  public String toString() {
    return "RelationshipAttribute(" + mappedClass.getSimpleName() + "." + fieldName + ")";
  }
}
