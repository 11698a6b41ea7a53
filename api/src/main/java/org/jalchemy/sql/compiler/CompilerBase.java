package org.jalchemy.sql.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.ClauseElement;
import org.jalchemy.sql.Cte;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.Subquery;
import org.jalchemy.sql.TableAlias;
import org.jalchemy.sql.elements.BindParameter;
import org.jalchemy.types.ValueCodec;

/** The state and output plumbing of a compiler: the SQL buffer, parameter slots, SELECT contexts and names. See {@link SqlCompiler}. */
public abstract class CompilerBase {
  protected final Dialect dialect;
  protected StringBuilder out = new StringBuilder(128);
  List<Pending> slots = new ArrayList<>();
  final Deque<SelectContext> selects = new ArrayDeque<>();
  final Map<FromClause, String> anonymousNames = new IdentityHashMap<>();
  final Map<Cte, Cte> ctes = new LinkedHashMap<>();
  int anonymousCounter;
  int statementDepth;
  /** The statement depth whose WITH clause goes inside its SELECT (dialects without WITH before DML), or -1. */
  int withClauseDepth = -1;
  boolean unqualifiedColumns;
  StatementKind kind = StatementKind.SELECT;
  List<Expression<?>> resultColumns;
  Table dmlTable;
  final Map<BindParameter<?>, Column<?>> insertTargets = new IdentityHashMap<>();
  /**
   * Marks around the one VALUES row of a top-level single-row INSERT; never part of real SQL (every
   * value is bound, no literal can hold them). Removed in {@link #compile}, which keeps their places.
   */
  static final char VALUES_GROUP_START = '\u0001';
  static final char VALUES_GROUP_END = '\u0002';
  /** The parameter slots inside the marked VALUES row. */
  int valuesGroupSlots;

  /** A bound parameter met while rendering, before its position in the key is known. */
  record Pending(BindParameter<?> bind) {}

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

  protected CompilerBase(Dialect dialect) {
    this.dialect = dialect;
  }

  // ---- entry point -------------------------------------------------------------------------

  /** Compiles a statement whose key (and so bind order) is {@code key}. */
  public CompiledStatement compile(ClauseElement statement, CacheKey key) {
    statement.compileTo(self());
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
    String sql = out.toString();
    InsertManyValues manyValues = null;
    int start = sql.indexOf(VALUES_GROUP_START);
    if (start >= 0) {
      int end = sql.indexOf(VALUES_GROUP_END, start);
      String prefix = sql.substring(0, start);
      String group = sql.substring(start + 1, end);
      String suffix = sql.substring(end + 1);
      sql = prefix + group + suffix;
      // Repeatable only when the row holds every parameter (none in a WITH, ON CONFLICT or RETURNING).
      if (valuesGroupSlots == result.size() && resultColumns == null) {
        manyValues = new InsertManyValues(prefix, group, suffix, valuesGroupSlots);
      }
    }
    return new CompiledStatement(sql, kind, result, resultColumns, codecs, dmlTable, targets, manyValues);
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
    return self();
  }

  /** This compiler as the type elements dispatch to; every concrete compiler is a SqlCompiler. */
  protected final SqlCompiler self() {
    return (SqlCompiler) this;
  }

  protected void process(ClauseElement element) {
    element.compileTo(self());
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

}
