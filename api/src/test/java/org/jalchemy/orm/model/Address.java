package org.jalchemy.orm.model;

import jakarta.annotation.Nonnull;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.OnDelete;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** The Address of DESIGN.md. */
@Tablename("orm_address")
public class Address extends OrmBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @Nonnull
  private String emailAddress;

  @MappedColumn(foreignKey = "orm_user_account.id", onDelete = OnDelete.CASCADE, index = true)
  private Integer userId;

  @Relationship(backPopulates = "addresses")
  private User user;

  protected Address() {}

  public Address(String emailAddress) {
    this.emailAddress = emailAddress;
  }

  public String getEmailAddress() {
    return emailAddress;
  }

  public User getUser() {
    return user;
  }
}
