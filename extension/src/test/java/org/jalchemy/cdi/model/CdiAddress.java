package org.jalchemy.cdi.model;

import jakarta.annotation.Nonnull;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** An address of a {@link CdiUser}. */
@Tablename("cdi_address")
public class CdiAddress extends CdiBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @Nonnull
  private String email;

  @MappedColumn(foreignKey = "cdi_user.id")
  private Integer userId;

  @Relationship(backPopulates = "addresses")
  private CdiUser user;

  protected CdiAddress() {}

  public CdiAddress(String email) {
    this.email = email;
  }

  public String getEmail() {
    return email;
  }

  public CdiUser getUser() {
    return user;
  }
}
