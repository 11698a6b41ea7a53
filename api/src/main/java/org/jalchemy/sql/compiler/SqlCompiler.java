package org.jalchemy.sql.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.exc.CompileError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.ClauseElement;
import org.jalchemy.sql.CompoundSelect;
import org.jalchemy.sql.Cte;
import org.jalchemy.sql.Delete;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.Join;
import org.jalchemy.sql.NamedColumn;
import org.jalchemy.sql.Operator;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.Subquery;
import org.jalchemy.sql.TableAlias;
import org.jalchemy.sql.TextClause;
import org.jalchemy.sql.Update;
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
import org.jalchemy.sql.elements.ScalarSelect;
import org.jalchemy.sql.elements.Unary;
import org.jalchemy.sql.elements.UnaryOperator;
import org.jalchemy.types.ValueCodec;

/**
 * Renders statements as SQL for one dialect: one visit method per construct, as in SQLAlchemy's
 * compiler. Each dialect subclasses it and overrides only what differs (LIMIT syntax, RETURNING,
 * ILIKE, concatenation, NULLS ordering, function names).
 *
 * <p>A compiler instance compiles one statement and is then discarded; results are cached by the
 * engine, keyed by {@link CacheKey}.
 */
public class SqlCompiler {
  protected final Dialect dialect;
  protected StringBuilder out = new StringBuilder(128);
  private List<Pending> slots = new ArrayList<>();
  private final Deque<SelectContext> selects = new ArrayDeque<>();
  private final Map<FromClause, String> anonymousNames = new IdentityHashMap<>();
  private final Map<Cte, Cte> ctes = new LinkedHashMap<>();
  private int anonymousCounter;
  private int statementDepth;
  private boolean unqualifiedColumns;
  private StatementKind kind = StatementKind.SELECT;
  private List<Expression<?>> resultColumns;
  private Table dmlTable;
  private final Map<BindParameter<?>, Column<?>> insertTargets = new IdentityHashMap<>();

  /** A bound parameter met while rendering, before its position in the key is known. */
  private record Pending(BindParameter<?> bind) {}

  /** What a SELECT being rendered knows about its FROM list, for inference and correlation. */
  protected static final class SelectContext {
    final SelectContext parent;
    final boolean correlating;
    final List<FromClause> collected = new ArrayList<>();
    List<FromClause> finalFroms = List.of();
    boolean collecting;
    List<Expression<?>> columns = List.of();
    List<String> columnNames;
    boolean inColumnsClause;

    SelectContext(SelectContext parent, boolean correlating) {
      this.parent = parent;
      this.correlating = correlating;
    }

    void collect(FromClause from) {
      if (collecting) {
        for (FromClause f : collected) {
          if (f == from) {
            return;
          }
        }
        collected.add(from);
      }
    }
  }

  public SqlCompiler(Dialect dialect) {
    this.dialect = dialect;
  }

  // ---- entry point -------------------------------------------------------------------------

  /** Compiles a statement whose key (and so bind order) is {@code key}. */
  public CompiledStatement compile(ClauseElement statement, CacheKey key) {
    statement.compileTo(this);
    Map<BindParameter<?>, Integer> positions = new IdentityHashMap<>();
    List<BindParameter<?>> keyBinds = key.binds();
    for (int i = 0; i < keyBinds.size(); i++) {
      positions.put(keyBinds.get(i), i);
    }
    List<BindSlot> result = new ArrayList<>(slots.size());
    List<Column<?>> targets = new ArrayList<>(slots.size());
    for (Pending p : slots) {
      targets.add(insertTargets.get(p.bind()));
      BindParameter<?> b = p.bind();
      Integer pos = positions.get(b);
      if (pos == null) {
        throw new IllegalStateException("bind parameter rendered but absent from the cache key: " + b.type()
            + " in " + statement.getClass().getSimpleName() + "; an element's appendCacheKey is incomplete");
      }
      result.add(new BindSlot(pos, b.key(), b.hasValue(), b.type(), b.type().codec(dialect)));
    }
    List<ValueCodec<?>> codecs = null;
    if (resultColumns != null) {
      codecs = new ArrayList<>(resultColumns.size());
      for (Expression<?> e : resultColumns) {
        codecs.add(e.type().codec(dialect));
      }
    }
    return new CompiledStatement(out.toString(), kind, result, resultColumns, codecs, dmlTable, targets);
  }

  // ---- output helpers ----------------------------------------------------------------------

  /** A piece of SQL rendered on the side, with its parameters, to be placed later. */
  protected record Fragment(String sql, List<Pending> slots) {}

  /** Renders {@code body} into a separate fragment, leaving the main output untouched. */
  protected Fragment capture(Runnable body) {
    StringBuilder savedOut = out;
    List<Pending> savedSlots = slots;
    out = new StringBuilder();
    slots = new ArrayList<>();
    try {
      body.run();
      return new Fragment(out.toString(), slots);
    } finally {
      out = savedOut;
      slots = savedSlots;
    }
  }

  /** Appends a fragment rendered by {@link #capture}. */
  protected void emit(Fragment fragment) {
    out.append(fragment.sql());
    slots.addAll(fragment.slots());
  }

  protected SqlCompiler sql(String text) {
    out.append(text);
    return this;
  }

  protected void process(ClauseElement element) {
    element.compileTo(this);
  }

  protected void processList(List<? extends ClauseElement> elements, String separator) {
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out.append(separator);
      }
      process(elements.get(i));
    }
  }

  /** Quotes an identifier if the dialect requires it. */
  protected String quote(String identifier) {
    return dialect.identifiers().quote(identifier);
  }

  /** The rendered name of a table, schema-qualified when it has a schema. */
  protected String tableName(Table table) {
    return table.schema() == null ? quote(table.name()) : quote(table.schema()) + "." + quote(table.name());
  }

  /** The name of a subquery or CTE, assigning {@code anon_N} to anonymous ones. */
  protected String fromName(FromClause from) {
    if (from instanceof Table t) {
      return tableName(t);
    }
    if (from instanceof TableAlias a) {
      return quote(a.name());
    }
    if (from instanceof Cte c && c.anchor() != c) {
      return fromName(c.anchor());
    }
    if (from instanceof Subquery s && s.name() != null) {
      return quote(s.name());
    }
    return anonymousNames.computeIfAbsent(from, f -> "anon_" + (++anonymousCounter));
  }

  protected SelectContext currentSelect() {
    return selects.peek();
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

  private static boolean selects(SelectContext ctx, Label<?> label) {
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
  private Label<?> orderByLabel;

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

  private void compileNestedSelect(ClauseElement select, boolean correlating) {
    nextSelectCorrelates = correlating;
    process(select);
  }

  private boolean nextSelectCorrelates;

  /**
   * The names the next SELECT's columns must have, when it is the body of a subquery or CTE whose
   * columns outer queries refer to by name; null otherwise.
   */
  private List<String> nextSelectColumnNames;

  private static List<String> columnNames(Subquery subquery) {
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
      ctx.finalFroms = FromResolver.resolve(this, select, ctx);
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

  private void renderSelectClauses(Select<?> select) {
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
  private static boolean namesItself(Expression<?> e) {
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

  // ---- INSERT / UPDATE / DELETE ------------------------------------------------------------

  /**
   * Whether the database accepts {@code WITH …} before INSERT, UPDATE and DELETE. Where it does not
   * (H2, MySQL/MariaDB), the CTEs go into a WITH clause of the SELECT inside the statement
   * ({@code DELETE … WHERE x IN (WITH c AS (…) SELECT …)}, {@code INSERT INTO t (…) WITH … SELECT …}).
   */
  protected boolean supportsWithBeforeDml() {
    return true;
  }

  /** The statement depth whose SELECTs write their own WITH clause (see above); -1 for none. */
  private int withClauseDepth = -1;

  protected void beginDml(StatementKind dmlKind, Table table, List<Expression<?>> returning) {
    if (statementDepth == 0) {
      kind = dmlKind;
      dmlTable = table;
      if (!returning.isEmpty()) {
        if (!dialect.supportsReturning(dmlKind)) {
          throw new CompileError(
              dialect.name() + " does not support RETURNING for " + dmlKind
                  + "; run a SELECT after the statement instead");
        }
        resultColumns = returning;
      }
      if (!supportsWithBeforeDml()) {
        withClauseDepth = 1;
      }
    }
    statementDepth++;
  }

  public void visitInsert(Insert<?> insert) {
    beginDml(StatementKind.INSERT, insert.table(), insert.returningColumns());
    try {
      Fragment body = capture(() -> renderInsert(insert));
      renderWithClause();
      emit(body);
    } finally {
      statementDepth--;
    }
  }

  protected void renderInsert(Insert<?> insert) {
    out.append("INSERT INTO ").append(tableName(insert.table()));
    if (insert.fromSelect() != null) {
      out.append(" (");
      renderColumnNames(insert.fromSelectColumns());
      out.append(") ");
      compileNestedSelect(insert.fromSelect(), false);
    } else if (insert.rows().isEmpty() || insert.rows().get(0).isEmpty()) {
      out.append(dialect.defaultValuesClause());
    } else {
      out.append(" (");
      renderColumnNames(new ArrayList<>(insert.rows().get(0).keySet()));
      out.append(") VALUES ");
      for (int r = 0; r < insert.rows().size(); r++) {
        if (r > 0) {
          out.append(", ");
        }
        out.append('(');
        processList(new ArrayList<>(insert.rows().get(r).values()), ", ");
        out.append(')');
        if (statementDepth == 1 && insert.rows().size() == 1) {
          for (Map.Entry<Column<?>, Expression<?>> e : insert.rows().get(0).entrySet()) {
            if (e.getValue() instanceof BindParameter<?> b) {
              insertTargets.put(b, e.getKey());
            }
          }
        }
      }
    }
    if (insert.onConflict() != null) {
      process(insert.onConflict());
    }
    renderReturning(insert.returningColumns());
  }

  /** {@code ON CONFLICT (keys) DO NOTHING | DO UPDATE SET …}; MySQL and H2 override. */
  public void visitOnConflict(org.jalchemy.sql.OnConflict onConflict) {
    out.append(" ON CONFLICT (");
    renderColumnNames(onConflict.keys());
    out.append(onConflict.doNothing() ? ") DO NOTHING" : ") DO UPDATE SET ");
    renderAssignments(onConflict.set());
  }

  /** {@code a = expr, b = expr} with unqualified target names. */
  protected void renderAssignments(Map<Column<?>, Expression<?>> set) {
    boolean first = true;
    for (Map.Entry<Column<?>, Expression<?>> e : set.entrySet()) {
      out.append(first ? "" : ", ").append(quote(e.getKey().name())).append(" = ");
      first = false;
      process(e.getValue());
    }
  }

  /** The proposed row of an upsert: {@code excluded.name}. */
  public void visitExcluded(org.jalchemy.sql.Excluded<?> excluded) {
    out.append("excluded.").append(quote(excluded.column().name()));
  }

  protected void renderColumnNames(List<Column<?>> columns) {
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(quote(columns.get(i).name()));
    }
  }

  protected void renderReturning(List<Expression<?>> returning) {
    if (returning.isEmpty()) {
      return;
    }
    out.append(" RETURNING ");
    processUnqualified(returning);
  }

  /** Renders elements separated by commas with their columns unqualified (RETURNING lists). */
  protected void processUnqualified(List<? extends ClauseElement> elements) {
    boolean saved = unqualifiedColumns;
    unqualifiedColumns = true;
    try {
      processList(elements, ", ");
    } finally {
      unqualifiedColumns = saved;
    }
  }

  public void visitUpdate(Update<?> update) {
    beginDml(StatementKind.UPDATE, update.table(), update.returningColumns());
    selects.push(targetContext(update.table()));
    try {
      // CTEs referred to in SET or WHERE go into a WITH clause before the statement.
      Fragment body = capture(() -> renderUpdate(update));
      renderWithClause();
      emit(body);
    } finally {
      selects.pop();
      statementDepth--;
    }
  }

  /**
   * The target table of an UPDATE or DELETE as an enclosing FROM list, so that a scalar or EXISTS
   * subquery in SET or WHERE correlates to it instead of listing it again (which would make
   * {@code DELETE … WHERE NOT EXISTS (…)} test any row rather than the row being deleted).
   */
  private static SelectContext targetContext(Table table) {
    SelectContext ctx = new SelectContext(null, false);
    ctx.finalFroms = List.of(table);
    return ctx;
  }

  protected void renderUpdate(Update<?> update) {
    if (update.values().isEmpty()) {
      throw new CompileError(
          "UPDATE of " + update.table().fullName() + " has no SET values; add .values(…) or .set(column, value)");
    }
    out.append("UPDATE ").append(tableName(update.table())).append(" SET ");
    boolean first = true;
    for (Map.Entry<Column<?>, Expression<?>> e : update.values().entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      out.append(quote(e.getKey().name())).append('=');
      process(e.getValue());
    }
    if (update.whereClause() != null) {
      out.append(" WHERE ");
      process(update.whereClause());
    }
    renderReturning(update.returningColumns());
  }

  public void visitDelete(Delete<?> delete) {
    beginDml(StatementKind.DELETE, delete.table(), delete.returningColumns());
    selects.push(targetContext(delete.table()));
    try {
      Fragment body = capture(() -> renderDelete(delete));
      renderWithClause();
      emit(body);
    } finally {
      selects.pop();
      statementDepth--;
    }
  }

  protected void renderDelete(Delete<?> delete) {
    out.append("DELETE FROM ").append(tableName(delete.table()));
    if (delete.whereClause() != null) {
      out.append(" WHERE ");
      process(delete.whereClause());
    }
    renderReturning(delete.returningColumns());
  }
}
