package org.jalchemy.cdi.internal;

import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionMaker;

/**
 * The request-scoped home of one database's Session: opened on first use in the request, closed
 * when the request ends (releasing its connection). Public and proxyable for CDI only.
 */
public class SessionHolder {
  private final SessionMaker sessions;
  private Session session;

  /** For CDI client proxies. */
  protected SessionHolder() {
    this.sessions = null;
  }

  SessionHolder(SessionMaker sessions) {
    this.sessions = sessions;
  }

  /** This request's session, opened on first call. */
  public Session session() {
    if (session == null) {
      session = sessions.open();
    }
    return session;
  }

  /** Ends the request's session: what it did not commit is rolled back, its objects detach. */
  public void close() {
    if (session != null) {
      try {
        session.close();
      } finally {
        session = null;
      }
    }
  }
}
