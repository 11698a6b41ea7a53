package org.jalchemy.dialect.postgresql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.sql.Operator;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.sql.elements.BinaryExpression;

/** PostgreSQL has ILIKE natively. */
public class PostgreSQLCompiler extends SqlCompiler {
  public PostgreSQLCompiler(Dialect dialect) {
    super(dialect);
  }

  @Override
  protected void renderIlike(BinaryExpression<?> b) {
    Operator op = b.operator();
    renderBinary(b.left(), op == Operator.ILIKE ? "ILIKE" : "NOT ILIKE", b.right(), op, b.escape());
  }
}
