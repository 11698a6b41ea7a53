package org.jalchemy.orm;

/**
 * The tie between a session and the objects it holds. Every object loaded or added points at the
 * session's current link; closing the session cuts the link once instead of visiting each object,
 * so closing after a 100,000-row fetch costs nothing and every object reads as detached.
 */
final class SessionLink {
  /** The session, or null once it closed (its objects are then detached). */
  Session session;

  SessionLink(Session session) {
    this.session = session;
  }
}
