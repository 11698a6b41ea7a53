package org.jalchemy.orm.session.model;

import jakarta.annotation.Nonnull;
import java.util.ArrayList;
import java.util.List;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** DESIGN.md's User, for the Session tests. */
@Tablename("ses_user")
public class SesUser extends SesBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @MappedColumn(length = 30, unique = true)
  @Nonnull
  private String name;

  private String fullname;

  @Relationship(backPopulates = "user")
  private List<SesAddress> addresses = new ArrayList<>();

  protected SesUser() {}

  public SesUser(String name, String fullname) {
    this.name = name;
    this.fullname = fullname;
  }

  public Integer getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getFullname() {
    return fullname;
  }

  public void setFullname(String fullname) {
    this.fullname = fullname;
  }

  public List<SesAddress> getAddresses() {
    return addresses;
  }
}
