package org.jalchemy.examples.webapp;

import static org.jalchemy.Jalchemy.select;
import static org.jalchemy.Jalchemy.selectinload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.jalchemy.examples.webapp.models.Address;
import org.jalchemy.examples.webapp.models.User;
import org.jalchemy.examples.webapp.models.User_;
import org.jalchemy.orm.Session;

/**
 * The sample's service: users and their addresses, through the request's {@link Session}, which
 * joins the JTA transaction of each {@code @Transactional} method (flushed and committed when the
 * method returns, rolled back when it throws).
 */
@ApplicationScoped
public class Directory {
  @Inject Session session;

  /** Every user with its addresses: two SELECTs, whatever the number of users. */
  public List<User> all() {
    return session.scalars(select(User.class).options(selectinload(User_.addresses)).orderBy(User_.name)).all();
  }

  public Optional<User> named(String name) {
    return Optional.ofNullable(session.scalars(select(User.class).where(User_.name.eq(name))).oneOrNull());
  }

  /** Adds a user and its addresses in one transaction; a duplicate name rolls everything back. */
  @Transactional
  public User register(String name, String fullname, List<String> emails) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a user needs a name");
    }
    User user = new User(name, fullname);
    for (String email : emails == null ? List.<String>of() : emails) {
      user.getAddresses().add(new Address(email));
    }
    session.add(user);
    session.flush(); // the id for the answer, and a duplicate name fails here, inside the method
    return user;
  }

  /** Removes a user and, by cascade, its addresses; false when there is none of that name. */
  @Transactional
  public boolean remove(String name) {
    Optional<User> user = named(name);
    user.ifPresent(session::delete);
    return user.isPresent();
  }
}
