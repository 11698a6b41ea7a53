package org.jalchemy.examples.webapp.models;

import jakarta.annotation.Nonnull;
import java.util.ArrayList;
import java.util.List;
import org.jalchemy.orm.Cascade;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** A user of the sample, with addresses that live and die with it: {@code new User("sandy", "Sandy Cheeks")}. */
@Tablename("user_account")
public class User extends Base {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @MappedColumn(length = 30, unique = true)
  @Nonnull
  private String name;

  private String fullname;

  @Relationship(backPopulates = "user", orderBy = "emailAddress", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
  private List<Address> addresses = new ArrayList<>();

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
