package org.jalchemy.it.app;

import jakarta.annotation.Nonnull;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** An address of a user. */
@Tablename("it_address")
public class ItAddress extends ItBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @Nonnull
  private String emailAddress;

  @MappedColumn(foreignKey = "it_user.id")
  private Integer userId;

  @Relationship(backPopulates = "addresses")
  private ItUser user;

  protected ItAddress() {}

  public ItAddress(String emailAddress) {
    this.emailAddress = emailAddress;
  }

  public Integer getId() {
    return id;
  }

  public String getEmailAddress() {
    return emailAddress;
  }

  public ItUser getUser() {
    return user;
  }
}
