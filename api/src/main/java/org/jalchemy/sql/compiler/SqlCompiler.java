package org.jalchemy.sql.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.exc.CompileError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.ClauseElement;
import org.jalchemy.sql.Delete;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.Update;
import org.jalchemy.sql.elements.BindParameter;



/**
 * Renders statements as SQL for one dialect: one visit method per construct, as in SQLAlchemy's
 * compiler. Each dialect subclasses it and overrides only what differs (LIMIT syntax, RETURNING,
 * ILIKE, concatenation, NULLS ordering, function names).
 *
 * <p>A compiler instance compiles one statement and is then discarded; results are cached by the
 * engine, keyed by {@link CacheKey}.
 */
public class SqlCompiler extends SelectCompiler {
  public SqlCompiler(Dialect dialect) {
    super(dialect);
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
        boolean single = statementDepth == 1 && insert.rows().size() == 1;
        int slotsBefore = slots.size();
        if (single) {
          out.append(VALUES_GROUP_START); // where an executemany may repeat the group (see InsertManyValues)
        }
        out.append('(');
        processList(new ArrayList<>(insert.rows().get(r).values()), ", ");
        out.append(')');
        if (single) {
          out.append(VALUES_GROUP_END);
          valuesGroupSlots = slots.size() - slotsBefore;
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
