package org.jalchemy.cdi.model;

import jakarta.annotation.Nonnull;
import java.util.ArrayList;
import java.util.List;
import org.jalchemy.orm.Cascade;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** A user with addresses, as in DESIGN.md. */
@Tablename("cdi_user")
public class CdiUser extends CdiBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @MappedColumn(length = 40, unique = true)
  @Nonnull
  private String name;

  @Relationship(backPopulates = "user", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
  private List<CdiAddress> addresses = new ArrayList<>();

  protected CdiUser() {}

  public CdiUser(String name) {
    this.name = name;
  }

  public Integer getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public List<CdiAddress> getAddresses() {
    return addresses;
  }
}
