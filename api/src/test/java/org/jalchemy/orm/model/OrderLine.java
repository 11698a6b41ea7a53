package org.jalchemy.orm.model;

import jakarta.annotation.Nonnull;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Tablename;

/** A composite primary key. */
@Tablename("orm_order_line")
public class OrderLine extends OrmBase {
  @MappedColumn(primaryKey = true)
  private Integer orderId;

  @MappedColumn(primaryKey = true)
  private Integer lineNo;

  @Nonnull
  private String item;

  protected OrderLine() {}
}
