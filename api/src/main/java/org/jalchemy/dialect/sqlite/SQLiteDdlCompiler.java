package org.jalchemy.dialect.sqlite;

import org.jalchemy.dialect.DdlCompiler;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.schema.Column;

/**
 * SQLite generates keys for a single-column primary key declared exactly {@code INTEGER} (it
 * becomes the rowid), so an autoincrementing key of any integer size is declared that way.
 */
public class SQLiteDdlCompiler extends DdlCompiler {
  public SQLiteDdlCompiler(Dialect dialect) {
    super(dialect);
  }

  @Override
  protected String columnType(Column<?> c) {
    return c.isAutoincrement() ? "INTEGER" : super.columnType(c);
  }

  @Override
  protected String autoincrementClause(Column<?> c) {
    return "";
  }

  @Override
  public boolean supportsAlterForeignKey() {
    return false;
  }
}
