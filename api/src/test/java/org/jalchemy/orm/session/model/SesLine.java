package org.jalchemy.orm.session.model;

import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** A line of a {@link SesOrder}. */
@Tablename("ses_line")
public class SesLine extends SesBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @MappedColumn(foreignKey = "ses_order.id")
  private Integer orderId;

  private int position;

  private String product;

  @Relationship(backPopulates = "lines")
  private SesOrder order;

  protected SesLine() {}

  public SesLine(int position, String product) {
    this.position = position;
    this.product = product;
  }

  public String getProduct() {
    return product;
  }

  public SesOrder getOrder() {
    return order;
  }
}
