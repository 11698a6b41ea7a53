package org.jalchemy.orm.session.model;

import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Tablename;

/** A versioned row (optimistic concurrency), with primitive and defaulted columns. */
@Tablename("ses_item")
public class SesItem extends SesBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  private String label;

  private int quantity;

  @MappedColumn(version = true)
  private Integer version;

  protected SesItem() {}

  public SesItem(String label, int quantity) {
    this.label = label;
    this.quantity = quantity;
  }

  public Integer getId() {
    return id;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public void setQuantity(int quantity) {
    this.quantity = quantity;
  }

  public int getQuantity() {
    return quantity;
  }

  /** {@code quantity++} compiles to a read and a write of the field: both go through the hooks. */
  public void increment() {
    quantity++;
  }

  public Integer getVersion() {
    return version;
  }
}
