package org.jalchemy.orm;

/**
 * The tie between a session and the objects it holds. Every object loaded or added points at the
 * session's current link; closing the session cuts the link once instead of visiting each object,
 * so closing after a 100,000-row fetch costs nothing and every object reads as detached.
 */
final class SessionLink {
  /** The session, or null once it closed (its objects are then detached). */
  Session session;

  /**
   * How many times the session expired all its objects (commit, rollback, expireAll). Each object
   * remembers the count it has caught up with and applies a missed expiry when next touched
   * ({@code InstanceState.settleExpiry}), so a commit costs O(1) instead of a walk over every
   * object it holds.
   */
  int expiries;

  SessionLink(Session session) {
    this.session = session;
  }
}
