package org.jalchemy.sql;

/**
 * The operators of the expression language with their SQL text and precedence (higher binds
 * tighter), from which the compiler decides where parentheses are needed.
 */
public enum Operator {
  OR("OR", 2),
  AND("AND", 3),
  NOT("NOT", 4),
  EQ("=", 5),
  NE("!=", 5),
  LT("<", 5),
  LE("<=", 5),
  GT(">", 5),
  GE(">=", 5),
  IS("IS", 5),
  IS_NOT("IS NOT", 5),
  LIKE("LIKE", 5),
  NOT_LIKE("NOT LIKE", 5),
  ILIKE("ILIKE", 5),
  NOT_ILIKE("NOT ILIKE", 5),
  IN("IN", 5),
  NOT_IN("NOT IN", 5),
  BETWEEN("BETWEEN", 5),
  NOT_BETWEEN("NOT BETWEEN", 5),
  CONCAT("||", 6),
  PLUS("+", 7),
  MINUS("-", 7),
  MUL("*", 8),
  DIV("/", 8),
  MOD("%", 8),
  NEG("-", 9);

  private final String sql;
  private final int precedence;

  Operator(String sql, int precedence) {
    this.sql = sql;
    this.precedence = precedence;
  }

  /** The SQL text of the operator. */
  public String sql() {
    return sql;
  }

  /** How tightly the operator binds; higher binds tighter. */
  public int precedence() {
    return precedence;
  }

  /** True for operators whose result is a boolean. */
  public boolean isComparison() {
    return precedence == 5;
  }
}
