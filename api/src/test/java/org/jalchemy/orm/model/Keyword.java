package org.jalchemy.orm.model;

import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Tablename;

/** The far side of the many-to-many User.keywords. */
@Tablename("orm_keyword")
public class Keyword extends OrmBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @MappedColumn(length = 50)
  private String word;

  protected Keyword() {}
}
