package org.jalchemy.it.app;

import jakarta.annotation.Nonnull;
import java.util.ArrayList;
import java.util.List;
import org.jalchemy.orm.Cascade;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** A user, as in DESIGN.md. */
@Tablename("it_user")
public class ItUser extends ItBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @MappedColumn(length = 40, unique = true)
  @Nonnull
  private String name;

  private String fullname;

  @Relationship(backPopulates = "user", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
  private List<ItAddress> addresses = new ArrayList<>();

  protected ItUser() {}

  public ItUser(String name, String fullname) {
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

  public List<ItAddress> getAddresses() {
    return addresses;
  }
}
