package org.jalchemy.sql.compiler;

import java.util.ArrayList;
import java.util.List;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.ClauseElement;
import org.jalchemy.sql.CompoundSelect;
import org.jalchemy.sql.Cte;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.Join;
import org.jalchemy.sql.NamedColumn;
import org.jalchemy.sql.Operator;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.Subquery;
import org.jalchemy.sql.TableAlias;
import org.jalchemy.sql.elements.Label;
import org.jalchemy.sql.elements.Ordering;
import org.jalchemy.sql.elements.ScalarSelect;

/** Renders FROM clauses, SELECT, compound selects and CTEs. See {@link SqlCompiler}. */
public abstract class SelectCompiler extends ExpressionCompiler {
  protected SelectCompiler(Dialect dialect) {
    super(dialect);
  }

  // ---- FROM clauses ------------------------------------------------------------------------

  public void visitTable(Table table) {
    out.append(tableName(table));
  }

  public void visitTableAlias(TableAlias alias) {
    out.append(tableName(alias.table())).append(" AS ").append(quote(alias.name()));
  }

  public void visitJoin(Join join) {
    process(join.left());
    out.append(' ').append(join.kind().sql()).append(' ');
    if (join.right() instanceof Join) {
      out.append('(');
      process(join.right());
      out.append(')');
    } else {
      process(join.right());
    }
    out.append(" ON ");
    process(join.onclause());
  }

  public void visitSubquery(Subquery subquery) {
    out.append('(');
    nextSelectColumnNames = columnNames(subquery);
    compileNestedSelect(subquery.element(), false);
    out.append(") AS ").append(fromName(subquery));
  }

  /** A CTE in a FROM list renders as its name; its body goes into the WITH clause. */
  public void visitCteReference(Cte cte) {
    Cte anchor = cte.anchor();
    Cte known = ctes.get(anchor);
    if (known == null || (known == anchor && cte != anchor)) {
      ctes.put(anchor, cte);
    }
    out.append(fromName(anchor));
  }

  // ---- SELECT ------------------------------------------------------------------------------

  public void visitScalarSelect(ScalarSelect<?> scalar) {
    out.append('(');
    compileNestedSelect(scalar.select(), true);
    out.append(')');
  }

  void compileNestedSelect(ClauseElement select, boolean correlating) {
    nextSelectCorrelates = correlating;
    process(select);
  }

  boolean nextSelectCorrelates;

  /**
   * The names the next SELECT's columns must have, when it is the body of a subquery or CTE whose
   * columns outer queries refer to by name; null otherwise.
   */
  List<String> nextSelectColumnNames;

  static List<String> columnNames(Subquery subquery) {
    List<String> names = new ArrayList<>();
    for (NamedColumn<?> c : subquery.columns()) {
      names.add(c.name());
    }
    return names;
  }

  public void visitSelect(Select<?> select) {
    boolean top = statementDepth == 0;
    statementDepth++;
    SelectContext ctx = new SelectContext(selects.peek(), nextSelectCorrelates);
    nextSelectCorrelates = false;
    ctx.columnNames = nextSelectColumnNames;
    nextSelectColumnNames = null;
    selects.push(ctx);
    try {
      ctx.columns = select.selectedExpressions();
      // First pass: render the clauses on the side to learn which FROM entries they use.
      ctx.collecting = true;
      capture(() -> renderSelectClauses(select));
      ctx.collecting = false;
      ctx.finalFroms = FromResolver.resolve(self(), select, ctx);
      Fragment body = capture(() -> renderSelect(select, ctx));
      if (top) {
        kind = StatementKind.SELECT;
        resultColumns = select.selectedExpressions();
      }
      if (top || statementDepth - 1 == withClauseDepth) {
        renderWithClause();
      }
      emit(body);
    } finally {
      selects.pop();
      statementDepth--;
    }
  }

  /** Collects the FROM entries an expression refers to, by rendering it on the side. */
  List<FromClause> fromsOf(ClauseElement e) {
    SelectContext probe = new SelectContext(null, false);
    probe.collecting = true;
    selects.push(probe);
    try {
      capture(() -> process(e));
    } finally {
      selects.pop();
    }
    return probe.collected;
  }

  void renderSelectClauses(Select<?> select) {
    SelectContext ctx = selects.peek();
    renderColumnsClause(ctx, select.selectedExpressions());
    for (Select.SetupJoin j : select.setupJoins()) {
      if (j.onclause() != null) {
        process(j.onclause());
      }
    }
    if (select.whereClause() != null) {
      process(select.whereClause());
    }
    processList(select.groupByClauses(), ", ");
    if (select.havingClause() != null) {
      process(select.havingClause());
    }
    processList(select.orderings(), ", ");
  }

  /**
   * The SELECT list. Only a label that is itself a selected column renders {@code AS name}; a label
   * nested inside another expression (a function argument) stands for its expression there.
   */
  protected void renderColumnsClause(SelectContext ctx, List<Expression<?>> columns) {
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      Expression<?> column = columns.get(i);
      String name = ctx.columnNames == null || i >= ctx.columnNames.size() ? null : ctx.columnNames.get(i);
      if (name != null && (!name.equals(column.keyName()) || !namesItself(column))) {
        // A subquery's column must carry the name outer queries use for it (count(*) AS count,
        // the second of two "id" columns AS id_2), which the database would not give it itself.
        processGrouped(column instanceof Label<?> l ? l.element() : column, Operator.OR.precedence());
        out.append(" AS ").append(quote(name));
        continue;
      }
      ctx.inColumnsClause = column instanceof Label<?>;
      try {
        process(column);
      } finally {
        ctx.inColumnsClause = false;
      }
    }
  }

  /** True when the database names the column of {@code e} by its key name without an alias. */
  static boolean namesItself(Expression<?> e) {
    return e instanceof NamedColumn<?> || e instanceof Label<?>;
  }

  protected void renderSelect(Select<?> select, SelectContext ctx) {
    out.append("SELECT ");
    if (select.isDistinct()) {
      out.append("DISTINCT ");
    }
    renderColumnsClause(ctx, select.selectedExpressions());
    if (!ctx.finalFroms.isEmpty()) {
      out.append(" \nFROM ");
      processList(ctx.finalFroms, ", ");
    } else {
      out.append(dialect.emptyFromClause());
    }
    if (select.whereClause() != null) {
      out.append(" \nWHERE ");
      process(select.whereClause());
    }
    if (!select.groupByClauses().isEmpty()) {
      out.append(" GROUP BY ");
      processList(select.groupByClauses(), ", ");
    }
    if (select.havingClause() != null) {
      out.append(" \nHAVING ");
      process(select.havingClause());
    }
    renderOrderBy(select.orderings());
    renderLimitOffset(select.limitClause(), select.offsetClause());
    renderLock(select.lockMode());
  }

  protected void renderOrderBy(List<ClauseElement> orderings) {
    if (!orderings.isEmpty()) {
      out.append(" ORDER BY ");
      Label<?> saved = orderByLabel;
      try {
        for (int i = 0; i < orderings.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          ClauseElement e = orderings.get(i);
          ClauseElement target = e instanceof Ordering o ? o.element() : e;
          orderByLabel = target instanceof Label<?> l ? l : null;
          process(e);
        }
      } finally {
        orderByLabel = saved;
      }
    }
  }

  /** {@code LIMIT ? OFFSET ?}; dialects with other syntax override. */
  protected void renderLimitOffset(Expression<Integer> limit, Expression<Integer> offset) {
    if (limit != null) {
      out.append(" \nLIMIT ");
      process(limit);
    }
    if (offset != null) {
      out.append(" OFFSET ");
      process(offset);
    }
  }

  protected void renderLock(Select.LockMode mode) {
    switch (mode) {
      case FOR_UPDATE -> out.append(" FOR UPDATE");
      case FOR_UPDATE_NOWAIT -> out.append(" FOR UPDATE NOWAIT");
      case FOR_UPDATE_SKIP_LOCKED -> out.append(" FOR UPDATE SKIP LOCKED");
      case NONE -> {}
    }
  }

  public void visitCompoundSelect(CompoundSelect<?> compound) {
    boolean top = statementDepth == 0;
    statementDepth++;
    boolean correlating = nextSelectCorrelates;
    List<String> names = nextSelectColumnNames;
    nextSelectColumnNames = null;
    try {
      Fragment body =
          capture(
              () -> {
                for (int i = 0; i < compound.selects().size(); i++) {
                  if (i > 0) {
                    out.append(' ').append(compound.keyword().sql()).append(' ');
                  }
                  nextSelectCorrelates = correlating;
                  // The first member names the columns of the whole compound statement.
                  nextSelectColumnNames = i == 0 ? names : null;
                  renderCompoundMember(compound.selects().get(i));
                }
                renderCompoundOrderBy(compound);
                renderLimitOffset(compound.limitClause(), compound.offsetClause());
              });
      if (top) {
        kind = StatementKind.SELECT;
        resultColumns = compound.selectedExpressions();
      }
      if (top || statementDepth - 1 == withClauseDepth) {
        renderWithClause();
      }
      emit(body);
    } finally {
      statementDepth--;
    }
  }

  /** A member of a UNION; parenthesized only when it has its own ORDER BY or LIMIT. */
  protected void renderCompoundMember(ClauseElement member) {
    boolean parens = needsGrouping(member);
    if (parens) {
      out.append('(');
    }
    process(member);
    if (parens) {
      out.append(')');
    }
  }

  /** True when a UNION member must be set apart: it has its own ORDER BY or LIMIT, or is a UNION itself. */
  protected static boolean needsGrouping(ClauseElement member) {
    return member instanceof Select<?> s
            && (!s.orderings().isEmpty() || s.limitClause() != null || s.offsetClause() != null)
        || member instanceof CompoundSelect<?>;
  }

  /** ORDER BY of a compound statement: columns are referred to by name, unqualified. */
  protected void renderCompoundOrderBy(CompoundSelect<?> compound) {
    if (compound.orderings().isEmpty()) {
      return;
    }
    boolean saved = unqualifiedColumns;
    unqualifiedColumns = true;
    try {
      renderOrderBy(compound.orderings());
    } finally {
      unqualifiedColumns = saved;
    }
  }

  /** Writes {@code WITH [RECURSIVE] name AS (…), …} for the CTEs met while rendering the body. */
  protected void renderWithClause() {
    if (ctes.isEmpty()) {
      return;
    }
    List<Fragment> bodies = new ArrayList<>();
    List<Cte> rendered = new ArrayList<>();
    // A CTE body may refer to further CTEs; keep going until no new one appears.
    while (rendered.size() < ctes.size()) {
      for (Cte cte : new ArrayList<>(ctes.values())) {
        if (rendered.stream().anyMatch(r -> r.anchor() == cte.anchor())) {
          continue;
        }
        Cte best = ctes.get(cte.anchor());
        rendered.add(best);
        bodies.add(capture(() -> renderCteDefinition(best)));
      }
    }
    boolean recursive = rendered.stream().anyMatch(Cte::recursive);
    out.append(recursive ? "WITH RECURSIVE " : "WITH ");
    // Dependencies first: a CTE found while rendering another's body was added after it.
    for (int i = bodies.size() - 1; i >= 0; i--) {
      emit(bodies.get(i));
      if (i > 0) {
        out.append(", ");
      }
    }
    out.append(" \n");
    ctes.clear();
  }

  protected void renderCteDefinition(Cte cte) {
    out.append(fromName(cte.anchor()));
    if (cte.recursive()) {
      out.append('(');
      for (int i = 0; i < cte.columns().size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        out.append(quote(cte.columns().get(i).name()));
      }
      out.append(')');
    }
    out.append(" AS \n(");
    int saved = statementDepth;
    int savedWithDepth = withClauseDepth;
    statementDepth = 1;
    withClauseDepth = -1;
    try {
      nextSelectColumnNames = columnNames(cte.anchor());
      compileNestedSelect(cte.body(), false);
    } finally {
      statementDepth = saved;
      withClauseDepth = savedWithDepth;
    }
    out.append(')');
  }

}
