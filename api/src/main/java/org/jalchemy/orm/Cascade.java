package org.jalchemy.orm;

/**
 * Which Session operations flow from a parent to the objects of a relationship
 * ({@link Relationship#cascade()}); the default is {@code SAVE_UPDATE, MERGE}, as in SQLAlchemy.
 */
public enum Cascade {
  /** Adding the parent to a session adds the related objects. */
  SAVE_UPDATE,
  /** Merging the parent merges the related objects. */
  MERGE,
  /** Refreshing or expiring the parent does so to the related objects. */
  REFRESH_EXPIRE,
  /** Expunging the parent expunges the related objects. */
  EXPUNGE,
  /** Deleting the parent deletes the related objects. */
  DELETE,
  /** An object removed from the collection is deleted. */
  DELETE_ORPHAN,
  /** All of the above except {@link #DELETE_ORPHAN}. */
  ALL
}
