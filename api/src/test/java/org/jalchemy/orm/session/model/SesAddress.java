package org.jalchemy.orm.session.model;

import jakarta.annotation.Nonnull;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** DESIGN.md's Address, for the Session tests. */
@Tablename("ses_address")
public class SesAddress extends SesBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @Nonnull
  private String emailAddress;

  @MappedColumn(foreignKey = "ses_user.id")
  private Integer userId;

  @Relationship(backPopulates = "addresses")
  private SesUser user;

  protected SesAddress() {}

  public SesAddress(String emailAddress) {
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

  public SesUser getUser() {
    return user;
  }

  public void setUser(SesUser user) {
    this.user = user;
  }
}
