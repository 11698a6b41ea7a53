package org.jalchemy.orm.session.model;

import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Tablename;

/** A row whose key the application gives (nothing generated): INSERTs of several go as one batch. */
@Tablename("ses_tag")
public class SesTag extends SesStamped {
  @MappedColumn(primaryKey = true, length = 20)
  private String code;

  private String label;

  @MappedColumn(defaultValue = "7")
  private Integer weight;

  protected SesTag() {}

  public SesTag(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String getCode() {
    return code;
  }

  public String getLabel() {
    return label;
  }

  public Integer getWeight() {
    return weight;
  }
}
