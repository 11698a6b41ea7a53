package org.jalchemy.examples.orm.models;

import jakarta.annotation.Nonnull;
import java.util.ArrayList;
import java.util.List;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/**
 * A row of {@code user_account}, with its addresses (one-to-many). Usage:
 * {@code session.add(new User("sandy", "Sandy Cheeks"))}.
 */
@Tablename("user_account")
public class User extends Base {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @MappedColumn(length = 30, unique = true)
  @Nonnull
  private String name;

  private String fullname;

  @Relationship(backPopulates = "user")
  private List<Address> addresses = new ArrayList<>();

  /** For the ORM, which creates loaded objects without arguments. */
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

  public void setName(String name) {
    this.name = name;
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

  /** Columns only: printing must not trigger a lazy load of the addresses. */
  @Override
  public String toString() {
    return "User(id=" + id + ", name='" + name + "', fullname='" + fullname + "')";
  }
}
