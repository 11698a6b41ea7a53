package org.jalchemy.orm.model;

import jakarta.annotation.Nonnull;
import java.util.List;
import java.util.Set;
import org.jalchemy.orm.Cascade;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** The User of DESIGN.md. */
@Tablename("orm_user_account")
public class User extends OrmBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @MappedColumn(length = 30, unique = true)
  @Nonnull
  private String name;

  private String fullname;

  @Relationship(backPopulates = "user", orderBy = "emailAddress", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
  private List<Address> addresses;

  @Relationship(secondary = "orm_user_keyword")
  private Set<Keyword> keywords;

  protected User() {}

  public User(String name, String fullname) {
    this.name = name;
    this.fullname = fullname;
  }

  public Integer getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getFullname() {
    return fullname;
  }

  public void setFullname(String fullname) {
    this.fullname = fullname;
  }

  public List<Address> getAddresses() {
    return addresses;
  }
}
