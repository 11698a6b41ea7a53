package org.jalchemy.orm;

import org.jalchemy.schema.ForeignKey;

/**
 * The ON DELETE action of a foreign key declared with {@link MappedColumn#foreignKey()}; {@link #NONE}
 * writes no clause, leaving the database's default (NO ACTION).
 *
 * <pre>{@code
 * @MappedColumn(foreignKey = "user_account.id", onDelete = OnDelete.CASCADE) private Integer userId;
 * }</pre>
 */
public enum OnDelete {
  NONE(null),
  CASCADE(ForeignKey.Action.CASCADE),
  SET_NULL(ForeignKey.Action.SET_NULL),
  SET_DEFAULT(ForeignKey.Action.SET_DEFAULT),
  RESTRICT(ForeignKey.Action.RESTRICT),
  NO_ACTION(ForeignKey.Action.NO_ACTION);

  private final ForeignKey.Action action;

  OnDelete(ForeignKey.Action action) {
    this.action = action;
  }

  /** Core's action, or null for {@link #NONE}. */
  public ForeignKey.Action action() {
    return action;
  }
}
