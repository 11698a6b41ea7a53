package org.jalchemy.orm;

/**
 * Where an object stands relative to a Session, as SQLAlchemy's object states.
 *
 * <pre>{@code
 * inspect(user).state();   // TRANSIENT, then PENDING after session.add(user), PERSISTENT after flush
 * }</pre>
 */
public enum ObjectState {
  /** Not in a session and never flushed. */
  TRANSIENT,
  /** Added to a session, not flushed yet. */
  PENDING,
  /** In a session, with a row in the database. */
  PERSISTENT,
  /** Its DELETE was flushed; detached once the transaction commits. */
  DELETED,
  /** Has a row (it was persistent) but belongs to no session. */
  DETACHED
}
