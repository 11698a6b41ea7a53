package org.jalchemy.orm.session.model;

import java.util.ArrayList;
import java.util.List;
import org.jalchemy.orm.Cascade;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;
import org.jalchemy.orm.MappedColumn;

/** A parent that owns its lines: deleting it deletes them, and a line taken out is deleted. */
@Tablename("ses_order")
public class SesOrder extends SesBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  private String number;

  @Relationship(backPopulates = "order", orderBy = "position", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
  private List<SesLine> lines = new ArrayList<>();

  protected SesOrder() {}

  public SesOrder(String number) {
    this.number = number;
  }

  public Integer getId() {
    return id;
  }

  public String getNumber() {
    return number;
  }

  public List<SesLine> getLines() {
    return lines;
  }
}
