package org.jalchemy.sql;

/**
 * What {@code Select.join(…)} accepts: a FROM clause (ON inferred from foreign keys) or, in the
 * ORM, a relationship attribute that knows both its target and its condition.
 */
public interface JoinTarget {
  /** The FROM clause joined to. */
  FromClause joinTarget();

  /** The ON condition, or null to infer it from foreign keys. */
  default Expression<Boolean> joinCondition() {
    return null;
  }
}
