package org.jalchemy.sql.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.elements.BindParameter;
import org.jalchemy.types.ValueCodec;

/**
 * A statement rendered for one dialect: its SQL with {@code ?} markers, the parameter slots in
 * marker order, and the columns its rows will have. Immutable and shared by every execution of
 * statements of the same shape.
 *
 * <pre>{@code
 * CompiledStatement c = engine.dialect().compile(select(users.name).where(users.id.eq(5)));
 * c.sql();   // SELECT user_account.name FROM user_account WHERE user_account.id = ?
 * }</pre>
 */
public final class CompiledStatement {
  private final String sql;
  private final StatementKind kind;
  private final List<BindSlot> slots;
  private final List<Expression<?>> resultColumns;
  private final List<ValueCodec<?>> resultCodecs;
  private final Table table;
  private final List<Column<?>> slotColumns;
  private final InsertManyValues manyValues;

  public CompiledStatement(
      String sql,
      StatementKind kind,
      List<BindSlot> slots,
      List<Expression<?>> resultColumns,
      List<ValueCodec<?>> resultCodecs,
      Table table,
      List<Column<?>> slotColumns,
      InsertManyValues manyValues) {
    this.manyValues = manyValues;
    this.sql = sql;
    this.kind = kind;
    this.slots = List.copyOf(slots);
    this.resultColumns = resultColumns == null ? null : List.copyOf(resultColumns);
    this.resultCodecs = resultCodecs == null ? null : List.copyOf(resultCodecs);
    this.table = table;
    this.slotColumns = java.util.Collections.unmodifiableList(new ArrayList<>(slotColumns));
  }

  /**
   * For each slot, the column of a single-row INSERT its value goes into (null otherwise): how the
   * engine knows a primary key value the statement supplied itself.
   */
  public List<Column<?>> slotColumns() {
    return slotColumns;
  }

  /**
   * For a single-row INSERT whose parameters all sit in its VALUES row: the pieces to repeat that
   * row for a multi-row executemany; null for any other statement.
   */
  public InsertManyValues insertManyValues() {
    return manyValues;
  }

  /** The SQL text, with one {@code ?} per slot. */
  public String sql() {
    return sql;
  }

  public StatementKind kind() {
    return kind;
  }

  public List<BindSlot> slots() {
    return slots;
  }

  /** The columns of the rows this statement returns (SELECT, RETURNING); null when unknown (text). */
  public List<Expression<?>> resultColumns() {
    return resultColumns;
  }

  /** One codec per result column, chosen by the dialect; null when the columns are unknown. */
  public List<ValueCodec<?>> resultCodecs() {
    return resultCodecs;
  }

  /** True when executing yields rows. */
  public boolean returnsRows() {
    return resultColumns != null && !resultColumns.isEmpty();
  }

  /** The target table of INSERT/UPDATE/DELETE, or null. */
  public Table table() {
    return table;
  }

  /** True when some slot needs a value from the execution's parameters. */
  public boolean hasNamedSlots() {
    for (BindSlot s : slots) {
      if (s.key() != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The values for the slots, in marker order: taken from {@code params} for named parameters
   * present there, otherwise from the statement's own bound parameters ({@code binds}, in
   * {@link CacheKey} order).
   */
  public List<Object> parameters(List<BindParameter<?>> binds, Map<String, ?> params) {
    // an array seen as a list: one object less per parameter set of an executemany
    Object[] values = new Object[slots.size()];
    for (int i = 0; i < values.length; i++) {
      BindSlot s = slots.get(i);
      // one look-up for a present value; containsKey only tells a null value from a missing key
      Object given = s.key() != null && params != null ? params.get(s.key()) : null;
      if (given != null || (s.key() != null && params != null && params.containsKey(s.key()))) {
        values[i] = s.type().coerce(given);
      } else if (s.hasValue()) {
        values[i] = binds.get(s.traversalIndex()).value();
      } else {
        throw new ArgumentError(
            "a value is required for bind parameter '" + s.key() + "'; pass it in the parameters of execute(), "
                + "for example conn.execute(stmt, Map.of(\"" + s.key() + "\", value))");
      }
    }
    return java.util.Arrays.asList(values);
  }

  @Override
  public String toString() {
    return sql;
  }
}
