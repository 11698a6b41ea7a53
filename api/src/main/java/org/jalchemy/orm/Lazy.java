package org.jalchemy.orm;

/**
 * How a relationship loads by default ({@link Relationship#lazy()}); a select's loader options
 * override it per query.
 */
public enum Lazy {
  /** On first access, one SELECT for this object (the default). */
  SELECT,
  /** With the parents, one extra {@code SELECT … WHERE key IN (…)} for all of them. */
  SELECTIN,
  /** With the parents, through a LEFT OUTER JOIN in the same SELECT. */
  JOINED,
  /** Accessing an unloaded relationship raises instead of emitting SQL. */
  RAISE,
  /** Never loaded from the database; holds only what the application puts in. */
  NOLOAD
}
