package org.jalchemy.engine.internal;

import java.util.ArrayList;
import java.util.List;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.schema.Column;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.compiler.BindSlot;
import org.jalchemy.sql.compiler.CacheKey;

/**
 * What {@code Connection.insertRows} works out from an INSERT and the columns its rows give, before
 * any row is bound: the columns the table fills from Java-side defaults ({@code
 * Column.defaultValue}), the INSERT with one named parameter per column, its cache key, and where
 * each bind slot's value sits in a row.
 *
 * <p>The unit of work inserts new objects through {@code insertRows}: a session that adds one object
 * and commits calls it once per transaction. Working this out again each time (a new statement, a
 * walk of it for its cache key, lists of names) was a tenth of an ORM single-row transaction on H2
 * (async-profiler). A plan depends only on the table, the columns and whether keys are wanted, so
 * the engine keeps one per such shape ({@link InsertPlans}) for plain INSERTs.
 *
 * <pre>{@code
 * InsertRowsPlan plan = InsertRowsPlan.of(insert(users), List.of(users.c("name")));
 * }</pre>
 */
public final class InsertRowsPlan {
  private final List<Column<?>> defaulted;
  private final List<String> names;
  private final Insert<?> keyed;
  private final CacheKey key;
  private final int givenColumns;
  /** Made on first use, from the compiled INSERT's slots. */
  private volatile Positions positions;

  /**
   * Per bind slot of the compiled INSERT, the index of its value in a row (past the given columns:
   * a defaulted one), and whether a row's values are already in slot order, one per slot, so that
   * the row is bound as it is.
   */
  public record Positions(int[] ofSlot, boolean inSlotOrder) {}

  private InsertRowsPlan(List<Column<?>> defaulted, List<String> names, Insert<?> keyed, int givenColumns) {
    this.defaulted = defaulted;
    this.names = names;
    this.keyed = keyed;
    this.key = CacheKey.of(keyed);
    this.givenColumns = givenColumns;
  }

  /** The plan of inserting rows of {@code columns} with {@code insert} (which has no values of its own). */
  public static InsertRowsPlan of(Insert<?> insert, List<? extends Column<?>> columns) {
    for (Column<?> c : columns) {
      if (c.table() != insert.table()) {
        throw new ArgumentError("insertRows into " + insert.table().name() + " was given column " + c
            + " of another table; pass the columns of " + insert.table().name());
      }
    }
    List<Column<?>> defaulted = new ArrayList<>(0);
    List<String> names = new ArrayList<>(columns.size());
    for (Column<?> c : columns) {
      names.add(c.name());
    }
    for (Column<?> c : insert.table().columns()) {
      if (c.defaultValue() != null && !columns.contains(c)) {
        defaulted.add(c);
        names.add(c.name());
      }
    }
    return new InsertRowsPlan(List.copyOf(defaulted), List.copyOf(names), insert.withParameterKeys(names), columns.size());
  }

  /** The INSERT with one named parameter per column, given and defaulted. */
  public Insert<?> keyedInsert() {
    return keyed;
  }

  /** {@link #keyedInsert}'s cache key (it binds nothing of its own: every value is a row's). */
  public CacheKey cacheKey() {
    return key;
  }

  /** The table's columns with a default that the rows do not give, filled per row after the given ones. */
  public List<Column<?>> defaulted() {
    return defaulted;
  }

  /** How many columns each row gives. */
  public int givenColumns() {
    return givenColumns;
  }

  /** Where each slot's value sits in a row: worked out once (the slots of one cache key keep their order). */
  public Positions positions(List<BindSlot> slots) {
    Positions p = positions;
    if (p == null || p.ofSlot().length != slots.size()) {
      int[] at = new int[slots.size()];
      boolean ordered = defaulted.isEmpty() && at.length == givenColumns;
      for (int j = 0; j < at.length; j++) {
        at[j] = names.indexOf(slots.get(j).key()); // every slot is one of the named columns
        ordered &= at[j] == j;
      }
      p = new Positions(at, ordered);
      positions = p;
    }
    return p;
  }
}
