package org.jalchemy.dialect.h2;

import java.util.List;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.sql.Delete;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.Update;
import org.jalchemy.sql.compiler.SqlCompiler;

/**
 * H2: standard OFFSET/FETCH, and RETURNING as a SELECT over the data-change delta table
 * ({@code FINAL TABLE} for INSERT and UPDATE, {@code OLD TABLE} for DELETE).
 */
public class H2Compiler extends SqlCompiler {
  public H2Compiler(Dialect dialect) {
    super(dialect);
  }

  /** WITH may only start a query, so CTEs used by INSERT, UPDATE and DELETE go into their SELECTs. */
  @Override
  protected boolean supportsWithBeforeDml() {
    return false;
  }

  @Override
  protected void renderLimitOffset(Expression<Integer> limit, Expression<Integer> offset) {
    if (offset != null) {
      sql(" \nOFFSET ");
      process(offset);
      sql(" ROWS");
    }
    if (limit != null) {
      sql(" \nFETCH FIRST ");
      process(limit);
      sql(" ROWS ONLY");
    }
  }

  @Override
  protected void renderReturning(List<Expression<?>> returning) {
    // Rendered around the statement instead; see the overrides below.
  }

  private void deltaTable(String which, List<Expression<?>> returning, Runnable statement) {
    if (returning.isEmpty()) {
      statement.run();
      return;
    }
    sql("SELECT ");
    // The delta table's columns are the target table's, named without qualification.
    processUnqualified(returning);
    sql(" FROM " + which + " TABLE (");
    statement.run();
    sql(")");
  }

  @Override
  protected void renderInsert(Insert<?> insert) {
    deltaTable("FINAL", insert.returningColumns(), () -> super.renderInsert(insert));
  }

  @Override
  protected void renderUpdate(Update<?> update) {
    deltaTable("FINAL", update.returningColumns(), () -> super.renderUpdate(update));
  }

  @Override
  protected void renderDelete(Delete<?> delete) {
    deltaTable("OLD", delete.returningColumns(), () -> super.renderDelete(delete));
  }

  /** H2 has no INSERT … ON CONFLICT outside its PostgreSQL mode. */
  @Override
  public void visitOnConflict(org.jalchemy.sql.OnConflict onConflict) {
    throw new org.jalchemy.exc.CompileError(
        "H2 has no INSERT … ON CONFLICT; use text(\"MERGE INTO … KEY (…) VALUES (…)\") for an upsert on H2");
  }
}
