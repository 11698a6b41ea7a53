package org.jalchemy.dialect.sqlite;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.compiler.SqlCompiler;

/** SQLite: OFFSET needs a LIMIT, and row locks do not exist (the database is locked as a whole). */
public class SQLiteCompiler extends SqlCompiler {
  public SQLiteCompiler(Dialect dialect) {
    super(dialect);
  }

  @Override
  protected void renderLimitOffset(Expression<Integer> limit, Expression<Integer> offset) {
    if (limit == null && offset != null) {
      sql(" \nLIMIT -1 OFFSET ");
      process(offset);
      return;
    }
    super.renderLimitOffset(limit, offset);
  }

  @Override
  protected void renderLock(Select.LockMode mode) {
    // SQLite has no row locks; a write transaction locks the database.
  }
}
