package org.jalchemy.examples.webapp.models;

import jakarta.annotation.Nonnull;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** An e-mail address of a user: {@code user.getAddresses().add(new Address("sandy@sea.org"))}. */
@Tablename("address")
public class Address extends Base {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @MappedColumn(length = 120)
  @Nonnull
  private String emailAddress;

  @MappedColumn(foreignKey = "user_account.id", nullable = false)
  private Integer userId;

  @Relationship(backPopulates = "addresses")
  private User user;

  protected Address() {}

  public Address(String emailAddress) {
    this.emailAddress = emailAddress;
  }

  public Integer getId() {
    return id;
  }

  public String getEmailAddress() {
    return emailAddress;
  }

  public User getUser() {
    return user;
  }
}
