package org.jalchemy.bench.model;

import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Tablename;

/** SQLAlchemy's performance-suite {@code Customer}, mapped by jalchemy (enhanced at build time). */
@Tablename("bench_customer")
public class Customer extends Base {
  @MappedColumn(primaryKey = true) private Integer id;
  @MappedColumn(length = 255) private String name;
  @MappedColumn(length = 255) private String description;

  protected Customer() {}

  /** A new customer; its key comes from the database at flush. */
  public Customer(String name, String description) {
    this.name = name;
    this.description = description;
  }

  /** The primary key. */
  public Integer getId() {
    return id;
  }

  /** The name. */
  public String getName() {
    return name;
  }

  /** The description. */
  public String getDescription() {
    return description;
  }

  /** Changes the description (the bulk-update workload). */
  public void setDescription(String description) {
    this.description = description;
  }
}
