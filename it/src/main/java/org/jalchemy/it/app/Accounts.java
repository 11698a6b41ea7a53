package org.jalchemy.it.app;

import static org.jalchemy.Jalchemy.select;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jalchemy.orm.Session;

/** The bean of DESIGN.md: an application-scoped service using the request's Session. */
@ApplicationScoped
public class Accounts {
  @Inject Session session;

  @Transactional
  public ItUser register(String name, String... emails) {
    ItUser u = new ItUser(name, null);
    for (String e : emails) {
      u.getAddresses().add(new ItAddress(e));
    }
    session.add(u);
    return u;
  }

  /** Adds, flushes, then fails: the whole transaction must roll back. */
  @Transactional
  public void registerThenFail(String name) {
    session.add(new ItUser(name, null));
    session.flush();
    throw new IllegalStateException("failing on purpose after the flush");
  }

  /** Deletes the users of that name (and their addresses, by cascade). */
  @Transactional
  public int remove(String name) {
    List<ItUser> found = named(name);
    found.forEach(session::delete);
    return found.size();
  }

  public List<ItUser> named(String name) {
    return session.scalars(select(ItUser.class).where(ItUser_.name.eq(name))).all();
  }

  /** The session this bean sees in the current request. */
  public Session session() {
    return session;
  }
}
