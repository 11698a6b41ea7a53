package org.jalchemy.cdi.app;

import static org.jalchemy.Jalchemy.select;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jalchemy.cdi.model.CdiAddress;
import org.jalchemy.cdi.model.CdiUser;
import org.jalchemy.cdi.model.CdiUser_;
import org.jalchemy.orm.Session;

/** DESIGN.md's bean: an application-scoped service using the request's Session in JTA transactions. */
@ApplicationScoped
public class Accounts {
  @Inject Session session;

  @Transactional
  public CdiUser register(String name, String... emails) {
    CdiUser u = new CdiUser(name);
    for (String e : emails) {
      u.getAddresses().add(new CdiAddress(e));
    }
    session.add(u);
    return u;
  }

  /** Adds and flushes, then throws: nothing may remain. */
  @Transactional
  public void registerThenFail(String name) {
    session.add(new CdiUser(name));
    session.flush();
    throw new IllegalStateException("failing on purpose after the flush");
  }

  /** Adds without flushing: the flush happens in beforeCompletion. */
  @Transactional
  public void registerUnflushed(String name) {
    session.add(new CdiUser(name));
  }

  /** Tries to commit the session itself inside the container's transaction. */
  @Transactional
  public void commitInside(String name) {
    session.add(new CdiUser(name));
    session.commit();
  }

  public List<CdiUser> named(String name) {
    return session.scalars(select(CdiUser.class).where(CdiUser_.name.eq(name))).all();
  }

  public Session session() {
    return session;
  }
}
