package org.jalchemy.dialect.mysql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.exc.CompileError;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.Join;
import org.jalchemy.sql.Operator;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.sql.elements.BinaryExpression;
import org.jalchemy.sql.elements.Ordering;

/**
 * MySQL/MariaDB: concat() instead of ||, NULLS FIRST/LAST emulated with an IS NULL sort key, OFFSET
 * only after a LIMIT, no FULL OUTER JOIN.
 */
public class MySQLCompiler extends SqlCompiler {
  public MySQLCompiler(Dialect dialect) {
    super(dialect);
  }

  @Override
  protected void renderConcat(BinaryExpression<?> b) {
    sql("concat(");
    process(b.left());
    sql(", ");
    process(b.right());
    sql(")");
  }

  @Override
  public void visitOrdering(Ordering o) {
    if (o.nulls() != null) {
      // MySQL sorts NULLs first ascending; a leading "x IS NULL" key moves them where asked.
      processGrouped(o.element(), Operator.IS.precedence() + 1);
      sql(o.nulls() == Ordering.Nulls.FIRST ? " IS NOT NULL, " : " IS NULL, ");
      super.visitOrdering(new Ordering(o.element(), o.direction(), null));
      return;
    }
    super.visitOrdering(o);
  }

  /** WITH may only start a query, so CTEs used by INSERT, UPDATE and DELETE go into their SELECTs. */
  @Override
  protected boolean supportsWithBeforeDml() {
    return false;
  }

  @Override
  protected void renderLimitOffset(Expression<Integer> limit, Expression<Integer> offset) {
    if (limit == null && offset != null) {
      sql(" \nLIMIT 18446744073709551615 OFFSET ");
      process(offset);
      return;
    }
    super.renderLimitOffset(limit, offset);
  }

  @Override
  public void visitJoin(Join join) {
    if (join.kind() == Join.Kind.FULL) {
      throw new CompileError("MySQL/MariaDB have no FULL OUTER JOIN; use a UNION of a LEFT and a RIGHT join");
    }
    super.visitJoin(join);
  }

  /** MySQL/MariaDB conflict on any unique key; DO NOTHING becomes an update that changes nothing. */
  @Override
  public void visitOnConflict(org.jalchemy.sql.OnConflict onConflict) {
    sql(" ON DUPLICATE KEY UPDATE ");
    if (onConflict.doNothing()) {
      String key = dialect.identifiers().quote(onConflict.keys().get(0).name());
      sql(key + " = " + key);
    } else {
      renderAssignments(onConflict.set());
    }
  }

  @Override
  public void visitExcluded(org.jalchemy.sql.Excluded<?> excluded) {
    sql("VALUES(" + dialect.identifiers().quote(excluded.column().name()) + ")");
  }
}
