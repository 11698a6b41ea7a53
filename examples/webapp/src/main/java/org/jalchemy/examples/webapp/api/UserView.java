package org.jalchemy.examples.webapp.api;

import java.util.List;
import org.jalchemy.examples.webapp.models.Address;
import org.jalchemy.examples.webapp.models.User;

/**
 * What the API answers for a user. Entities are not serialized directly: their relationships
 * point both ways and load lazily, which a JSON writer would follow forever.
 */
public record UserView(int id, String name, String fullname, List<String> addresses) {
  static UserView of(User u) {
    return new UserView(u.getId(), u.getName(), u.getFullname(),
        u.getAddresses().stream().map(Address::getEmailAddress).toList());
  }
}
