package org.jalchemy.orm.model;

import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.OnDelete;
import org.jalchemy.orm.Tablename;

/** The association table of User.keywords, mapped as a class with a composite primary key. */
@Tablename("orm_user_keyword")
public class UserKeyword extends OrmBase {
  @MappedColumn(primaryKey = true, foreignKey = "orm_user_account.id", onDelete = OnDelete.CASCADE)
  private Integer userId;

  @MappedColumn(primaryKey = true, foreignKey = "orm_keyword.id")
  private Integer keywordId;

  protected UserKeyword() {}
}
