package org.jalchemy.examples.orm.services;

import static org.jalchemy.Jalchemy.select;

import java.util.List;
import org.jalchemy.examples.orm.models.Address_;
import org.jalchemy.examples.orm.models.User_;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionMaker;
import org.jalchemy.result.Row;

/**
 * A service as an application writes one: it is given the session maker by the database layer,
 * opens a session per unit of work, selects and commits. Usage:
 * {@code new Accounts(db.sessions()).names()}.
 */
public final class Accounts {
  private final SessionMaker sessions;

  public Accounts(SessionMaker sessions) {
    this.sessions = sessions;
  }

  /** Each user's name with each of their email addresses, by address: one joined SELECT. */
  public List<Row> emailAddresses() {
    try (Session session = sessions.open()) {
      return session
          .execute(select(User_.name, Address_.emailAddress).join(User_.addresses).orderBy(Address_.emailAddress))
          .all();
    }
  }

  /** The names of every user, in key order. */
  public List<String> names() {
    try (Session session = sessions.open()) {
      return session.scalars(select(User_.name).orderBy(User_.id)).all();
    }
  }
}
