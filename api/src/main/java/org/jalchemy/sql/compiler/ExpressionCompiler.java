package org.jalchemy.sql.compiler;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.sql.ClauseElement;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.NamedColumn;
import org.jalchemy.sql.Operator;
import org.jalchemy.sql.TextClause;
import org.jalchemy.sql.elements.Between;
import org.jalchemy.sql.elements.BinaryExpression;
import org.jalchemy.sql.elements.BindParameter;
import org.jalchemy.sql.elements.BooleanClauseList;
import org.jalchemy.sql.elements.Case;
import org.jalchemy.sql.elements.Cast;
import org.jalchemy.sql.elements.FunctionCall;
import org.jalchemy.sql.elements.InList;
import org.jalchemy.sql.elements.Label;
import org.jalchemy.sql.elements.Ordering;
import org.jalchemy.sql.elements.Over;
import org.jalchemy.sql.elements.Unary;
import org.jalchemy.sql.elements.UnaryOperator;

/** Renders column expressions: columns, parameters, operators, functions, CASE, CAST, ordering, text. See {@link SqlCompiler}. */
public abstract class ExpressionCompiler extends CompilerBase {
  protected ExpressionCompiler(Dialect dialect) {
    super(dialect);
  }

  // ---- columns and values ------------------------------------------------------------------

  public void visitNamedColumn(NamedColumn<?> column) {
    SelectContext ctx = selects.peek();
    if (ctx != null) {
      ctx.collect(column.parent());
    }
    if (!unqualifiedColumns) {
      out.append(fromName(column.parent())).append('.');
    }
    out.append(quote(column.name()));
  }

  public void visitBindParameter(BindParameter<?> bind) {
    out.append(dialect.bindMarker(bind.type()));
    slots.add(new Pending(bind));
  }

  public void visitLabel(Label<?> label) {
    SelectContext ctx = selects.peek();
    if (ctx != null && ctx.inColumnsClause) {
      ctx.inColumnsClause = false;
      try {
        processGrouped(label.element(), Operator.OR.precedence());
      } finally {
        ctx.inColumnsClause = true;
      }
      out.append(" AS ").append(quote(label.name()));
    } else if (label == orderByLabel && (unqualifiedColumns || (ctx != null && selects(ctx, label)))) {
      // ORDER BY a selected label sorts by the output column's name (and a compound statement's
      // ORDER BY can only name output columns).
      out.append(quote(label.name()));
    } else {
      process(label.element());
    }
  }

  static boolean selects(SelectContext ctx, Label<?> label) {
    for (Expression<?> c : ctx.columns) {
      if (c == label) {
        return true;
      }
    }
    return false;
  }

  /**
   * The label that is the ORDER BY entry being rendered, if any: only a label that is a whole
   * entry renders as its name; inside an expression (lower(label)) PostgreSQL would not accept it.
   */
  Label<?> orderByLabel;

  public void visitCast(Cast<?> cast) {
    out.append("CAST(");
    process(cast.element());
    out.append(" AS ").append(dialect.castTypeName(cast.type())).append(')');
  }

  // ---- operators ---------------------------------------------------------------------------

  /** Precedence of an element for parenthesizing, high for atoms. */
  protected int precedenceOf(ClauseElement e) {
    if (e instanceof BinaryExpression<?> b) {
      return b.operator().precedence();
    }
    if (e instanceof BooleanClauseList l) {
      return l.clauses().isEmpty() ? 100 : l.operator().precedence();
    }
    if (e instanceof Unary<?> u) {
      return switch (u.operator()) {
        case NOT -> Operator.NOT.precedence();
        case IS_NULL, IS_NOT_NULL -> Operator.IS.precedence();
        case NEGATE -> Operator.NEG.precedence();
        default -> 100;
      };
    }
    if (e instanceof Between || e instanceof InList) {
      return Operator.BETWEEN.precedence();
    }
    if (e instanceof Label<?> l) {
      // Outside the columns clause a label renders its expression, which must group as itself.
      return precedenceOf(l.element());
    }
    if (e instanceof TextClause) {
      // Literal SQL may hold any operator ("a = 1 OR b = 2"): parenthesize it inside others.
      return 0;
    }
    return 100;
  }

  /** Renders {@code e}, in parentheses when it binds more loosely than {@code minPrecedence}. */
  protected void processGrouped(ClauseElement e, int minPrecedence) {
    if (precedenceOf(e) < minPrecedence) {
      out.append('(');
      process(e);
      out.append(')');
    } else {
      process(e);
    }
  }

  public void visitBinary(BinaryExpression<?> b) {
    Operator op = b.operator();
    switch (op) {
      case ILIKE, NOT_ILIKE -> renderIlike(b);
      case CONCAT -> renderConcat(b);
      default -> renderBinary(b.left(), op.sql(), b.right(), op, b.escape());
    }
  }

  protected void renderBinary(
      Expression<?> left, String opSql, Expression<?> right, Operator op, Character escape) {
    int p = op.precedence();
    boolean associative = op == Operator.PLUS || op == Operator.MUL || op == Operator.CONCAT;
    processGrouped(left, op.isComparison() ? p + 1 : p);
    out.append(' ').append(opSql).append(' ');
    processGrouped(right, associative ? p : p + 1);
    if (escape != null) {
      out.append(" ESCAPE ").append(dialect.stringLiteral(String.valueOf(escape)));
    }
  }

  /** ILIKE where the database has it, else {@code lower(x) LIKE lower(y)}. */
  protected void renderIlike(BinaryExpression<?> b) {
    boolean negated = b.operator() == Operator.NOT_ILIKE;
    out.append("lower(");
    process(b.left());
    out.append(negated ? ") NOT LIKE lower(" : ") LIKE lower(");
    process(b.right());
    out.append(')');
    if (b.escape() != null) {
      out.append(" ESCAPE ").append(dialect.stringLiteral(String.valueOf(b.escape())));
    }
  }

  /** {@code a || b}; MySQL overrides with concat(). */
  protected void renderConcat(BinaryExpression<?> b) {
    renderBinary(b.left(), "||", b.right(), Operator.CONCAT, null);
  }

  public void visitUnary(Unary<?> u) {
    UnaryOperator op = u.operator();
    switch (op) {
      case IS_NULL, IS_NOT_NULL -> {
        processGrouped(u.operand(), Operator.IS.precedence() + 1);
        out.append(op.sql());
      }
      case NOT -> {
        out.append("NOT ");
        processGrouped(u.operand(), 100);
      }
      case NEGATE -> {
        // A negated negation is parenthesized: "--x" would start a SQL comment.
        out.append('-');
        processGrouped(u.operand(), Operator.NEG.precedence() + 1);
      }
      case EXISTS, DISTINCT -> {
        out.append(op.sql());
        process(u.operand());
      }
    }
  }

  public void visitBooleanClauseList(BooleanClauseList list) {
    if (list.clauses().isEmpty()) {
      out.append(list.operator() == Operator.AND ? "1 = 1" : "1 != 1");
      return;
    }
    String sep = " " + list.operator().sql() + " ";
    int p = list.operator().precedence();
    for (int i = 0; i < list.clauses().size(); i++) {
      if (i > 0) {
        out.append(sep);
      }
      processGrouped(list.clauses().get(i), p + 1);
    }
  }

  public void visitBetween(Between b) {
    processGrouped(b.operand(), Operator.BETWEEN.precedence() + 1);
    out.append(b.negated() ? " NOT BETWEEN " : " BETWEEN ");
    processGrouped(b.low(), Operator.BETWEEN.precedence() + 1);
    out.append(" AND ");
    processGrouped(b.high(), Operator.BETWEEN.precedence() + 1);
  }

  public void visitInList(InList in) {
    if (in.values().isEmpty()) {
      // x IN () is not SQL; an empty IN matches nothing and an empty NOT IN matches everything.
      out.append(in.negated() ? "1 = 1" : "1 != 1");
      return;
    }
    processGrouped(in.operand(), Operator.IN.precedence() + 1);
    out.append(in.negated() ? " NOT IN (" : " IN (");
    processList(in.values(), ", ");
    out.append(')');
  }

  // ---- functions, CASE, windows ------------------------------------------------------------

  public void visitFunction(FunctionCall<?> f) {
    String special = dialect.functionKeyword(f.name(), f.arguments().size());
    if (special != null) {
      out.append(special);
      return;
    }
    out.append(dialect.functionName(f.name())).append('(');
    if (f.star()) {
      out.append('*');
    } else {
      processList(f.arguments(), ", ");
    }
    out.append(')');
  }

  public void visitOver(Over<?> over) {
    process(over.function());
    out.append(" OVER (");
    boolean any = false;
    if (!over.window().partitions().isEmpty()) {
      out.append("PARTITION BY ");
      processList(over.window().partitions(), ", ");
      any = true;
    }
    if (!over.window().orderings().isEmpty()) {
      out.append(any ? " ORDER BY " : "ORDER BY ");
      processList(over.window().orderings(), ", ");
    }
    out.append(')');
  }

  public void visitCase(Case<?> c) {
    out.append("CASE");
    for (int i = 0; i < c.conditions().size(); i++) {
      out.append(" WHEN ");
      process(c.conditions().get(i));
      out.append(" THEN ");
      process(c.results().get(i));
    }
    if (c.otherwise() != null) {
      out.append(" ELSE ");
      process(c.otherwise());
    }
    out.append(" END");
  }

  public void visitOrdering(Ordering o) {
    processGrouped(o.element(), Operator.OR.precedence());
    if (o.direction() == Ordering.Direction.DESC) {
      out.append(" DESC");
    } else {
      out.append(" ASC");
    }
    if (o.nulls() != null) {
      out.append(o.nulls() == Ordering.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
    }
  }

  public void visitText(TextClause text) {
    if (statementDepth == 0 && selects.isEmpty()) {
      kind = StatementKind.TEXT;
    }
    for (Object part : text.parts()) {
      if (part instanceof String s) {
        out.append(s);
      } else {
        process((BindParameter<?>) part);
      }
    }
  }

}
