package org.jalchemy.examples.orm.models;

import jakarta.annotation.Nonnull;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/**
 * A row of {@code address}, belonging to one user (many-to-one). Usage:
 * {@code new Address("sandy@sqlalchemy.org").setUser(sandy)}.
 */
@Tablename("address")
public class Address extends Base {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @Nonnull
  private String emailAddress;

  @MappedColumn(foreignKey = "user_account.id")
  private Integer userId;

  @Relationship(backPopulates = "addresses")
  private User user;

  /** For the ORM, which creates loaded objects without arguments. */
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

  public void setEmailAddress(String emailAddress) {
    this.emailAddress = emailAddress;
  }

  public Integer getUserId() {
    return userId;
  }

  public User getUser() {
    return user;
  }

  public void setUser(User user) {
    this.user = user;
  }

  /** Columns only: printing must not trigger a lazy load of the user. */
  @Override
  public String toString() {
    return "Address(id=" + id + ", emailAddress='" + emailAddress + "')";
  }
}
