package org.jalchemy.sql.elements;

/** The one-operand operators. Postfix ones follow their operand. */
public enum UnaryOperator {
  NOT("NOT ", false),
  NEGATE("-", false),
  EXISTS("EXISTS ", false),
  DISTINCT("DISTINCT ", false),
  IS_NULL(" IS NULL", true),
  IS_NOT_NULL(" IS NOT NULL", true);

  private final String sql;
  private final boolean postfix;

  UnaryOperator(String sql, boolean postfix) {
    this.sql = sql;
    this.postfix = postfix;
  }

  public String sql() {
    return sql;
  }

  public boolean postfix() {
    return postfix;
  }
}
