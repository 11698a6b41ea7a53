package org.jalchemy.dialect.mysql;

import org.jalchemy.dialect.DdlCompiler;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Index;

/** MySQL/MariaDB: AUTO_INCREMENT keys, native ENUM (no CHECK needed), DROP INDEX … ON table. */
public class MySQLDdlCompiler extends DdlCompiler {
  public MySQLDdlCompiler(Dialect dialect) {
    super(dialect);
  }

  @Override
  protected String autoincrementClause(Column<?> c) {
    return "AUTO_INCREMENT";
  }

  @Override
  protected String enumCheck(Column<?> c) {
    return null;
  }

  @Override
  public String dropIndex(Index index) {
    return "DROP INDEX " + quote(index.name()) + " ON " + tableName(index.table());
  }
}
