package org.jalchemy.engine.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jalchemy.schema.Column;
import org.jalchemy.sql.compiler.CompiledStatement;
import org.jalchemy.sql.compiler.StatementKind;

/**
 * Where the primary key of a single-row INSERT comes from: the parameters that give key columns,
 * and the autoincrement column whose value the driver hands back as a generated key. Worked out
 * once per compiled statement and cached with it, so an INSERT executed again only reads the
 * generated value and puts the key together.
 */
public final class InsertedKeyPlan {
  private static final int FETCHED = -1;
  private static final int NO_VALUE = -2;
  private static final InsertedKeyPlan NONE = new InsertedKeyPlan(List.of(), null, null);

  private final List<Column<?>> autoincrement;
  private final Column<?> fetched;
  private final int[] sources;

  private InsertedKeyPlan(List<Column<?>> autoincrement, Column<?> fetched, int[] sources) {
    this.autoincrement = autoincrement;
    this.fetched = fetched;
    this.sources = sources;
  }

  /** The plan of {@code c}; for anything but an INSERT into a table with a primary key, one that yields no key. */
  public static InsertedKeyPlan of(CompiledStatement c) {
    if (c.kind() != StatementKind.INSERT || c.table() == null || c.returnsRows()
        || c.table().primaryKeyColumns().isEmpty()) {
      return NONE;
    }
    List<Column<?>> pkCols = c.table().primaryKeyColumns();
    List<Column<?>> autoincrement = pkCols.stream().filter(Column::isAutoincrement).toList();
    Column<?> fetched = !autoincrement.isEmpty() && givenSlot(c, autoincrement.get(0)) < 0 ? autoincrement.get(0) : null;
    int[] sources = new int[pkCols.size()];
    for (int k = 0; k < sources.length; k++) {
      Column<?> col = pkCols.get(k);
      int slot = givenSlot(c, col);
      sources[k] = slot >= 0 ? slot : col == fetched ? FETCHED : NO_VALUE;
    }
    return new InsertedKeyPlan(autoincrement, fetched, sources);
  }

  /** Whether the statement yields a primary key at all (an INSERT into a table that has one). */
  public boolean yieldsKey() {
    return sources != null;
  }

  /** The autoincrement column whose generated value is to be read, or null when none is (or the row gives it). */
  public Column<?> fetched() {
    return fetched;
  }

  /** Whether the key is one column, the fetched one (the usual generated key). */
  public boolean isFetchedAlone() {
    return sources != null && sources.length == 1 && sources[0] == FETCHED;
  }

  /** How many of the key's columns are autoincrement (more than one: the driver is asked for all its generated keys). */
  public int autoincrementCount() {
    return autoincrement.size();
  }

  /** The key of the row inserted with {@code values}, the fetched column holding {@code fetchedValue}. */
  public List<Object> key(List<Object> values, Object fetchedValue) {
    Object[] pk = new Object[sources.length];
    for (int k = 0; k < pk.length; k++) {
      int source = sources[k];
      pk[k] = source >= 0 ? values.get(source) : source == FETCHED ? fetchedValue : null;
    }
    return Collections.unmodifiableList(Arrays.asList(pk));
  }

  /** The parameter slot that gives {@code column} a value in this INSERT (the last, as a map would keep), or -1. */
  private static int givenSlot(CompiledStatement c, Column<?> column) {
    List<Column<?>> targets = c.slotColumns();
    int found = -1;
    for (int i = 0; i < targets.size(); i++) {
      if (targets.get(i) != null && targets.get(i).name().equals(column.name())) {
        found = i;
      }
    }
    return found;
  }
}
