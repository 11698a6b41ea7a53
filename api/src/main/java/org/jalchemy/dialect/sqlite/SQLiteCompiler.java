package org.jalchemy.dialect.sqlite;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.sql.ClauseElement;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.compiler.SqlCompiler;

/**
 * SQLite: OFFSET needs a LIMIT, UNION members cannot be parenthesized, and row locks do not exist
 * (the database is locked as a whole).
 */
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

  /**
   * SQLite's grammar has no parenthesized UNION members; a member with its own ORDER BY/LIMIT (or a
   * nested UNION) is read through a subquery instead.
   */
  @Override
  protected void renderCompoundMember(ClauseElement member) {
    if (!needsGrouping(member)) {
      process(member);
      return;
    }
    sql("SELECT * FROM (");
    process(member);
    sql(")");
  }

  @Override
  protected void renderLock(Select.LockMode mode) {
    // SQLite has no row locks; a write transaction locks the database.
  }
}
