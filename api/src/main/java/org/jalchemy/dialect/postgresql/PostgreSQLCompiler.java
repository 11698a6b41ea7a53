package org.jalchemy.dialect.postgresql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.sql.Operator;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.sql.elements.BinaryExpression;
import org.jalchemy.sql.elements.FunctionCall;

/** PostgreSQL has ILIKE natively; {@code func.now()} is rendered LOCALTIMESTAMP. */
public class PostgreSQLCompiler extends SqlCompiler {
  public PostgreSQLCompiler(Dialect dialect) {
    super(dialect);
  }

  @Override
  protected void renderIlike(BinaryExpression<?> b) {
    Operator op = b.operator();
    renderBinary(b.left(), op == Operator.ILIKE ? "ILIKE" : "NOT ILIKE", b.right(), op, b.escape());
  }

  /**
   * {@code func.now()} is typed as a LocalDateTime, but PostgreSQL's now() is a timestamp WITH time
   * zone, which pgjdbc refuses to read as one; LOCALTIMESTAMP is the same instant without a zone.
   */
  @Override
  public void visitFunction(FunctionCall<?> f) {
    if (f.arguments().isEmpty() && !f.star() && f.name().equalsIgnoreCase("now")) {
      sql("LOCALTIMESTAMP");
      return;
    }
    super.visitFunction(f);
  }
}
