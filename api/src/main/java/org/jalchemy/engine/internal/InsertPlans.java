package org.jalchemy.engine.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.compiler.CacheKey;

/**
 * One engine's plans of plain INSERTs without values of their own ({@link #isPlain}):
 * what a single-row {@code execute(insert(table), map)} and {@code insertRows} work out before
 * binding anything (the INSERT with one named parameter per column, its cache key, …), kept by
 * table, the columns or parameter names given and whether keys are wanted. Least recently used
 * plans are dropped past the capacity, as compiled statements are (an application inserts into a
 * few tables with a few sets of columns, but which is the caller's choice).
 *
 * <p>Why: each such execute built a new INSERT and walked it for its cache key, before finding
 * the compiled statement; in a single-row transaction on H2 (about 2 µs in all for raw JDBC) that
 * was a tenth of jalchemy's time (async-profiler).
 */
public final class InsertPlans {
  /** {@code given}: the columns of insertRows' rows (a List), or the parameter names of an execute (a Set). */
  private record Shape(Table table, boolean generatedKeys, Object given) {}

  /** An INSERT with a named parameter per column, and its cache key (it binds nothing of its own). */
  public record Keyed(Insert<?> insert, CacheKey key) {
    static Keyed of(Insert<?> insert) {
      return new Keyed(insert, CacheKey.of(insert));
    }
  }

  private final int capacity;
  private final Map<Shape, Object> plans;

  public InsertPlans(int capacity) {
    this.capacity = capacity;
    this.plans = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Shape, Object> eldest) {
        return size() > InsertPlans.this.capacity;
      }
    };
  }

  /**
   * Whether a plan of {@code insert} depends only on its table, the columns and {@link
   * Insert#wantsGeneratedKeys}: no RETURNING, no ON CONFLICT, not an ORM entity's insert (an insert
   * with any of those is planned each time, as before).
   */
  static boolean isPlain(Insert<?> insert) {
    return insert.onConflict() == null && insert.returningColumns().isEmpty() && insert.entity() == null;
  }

  /** The plan of {@code insert} with rows of {@code columns}: kept when the insert is plain, else made now. */
  public InsertRowsPlan rows(Insert<?> insert, List<? extends Column<?>> columns) {
    if (capacity == 0 || !isPlain(insert)) {
      return InsertRowsPlan.of(insert, columns);
    }
    Shape shape = new Shape(insert.table(), insert.wantsGeneratedKeys(), columns);
    InsertRowsPlan plan = (InsertRowsPlan) find(shape);
    if (plan == null) {
      plan = InsertRowsPlan.of(insert, columns);
      keep(new Shape(shape.table(), shape.generatedKeys(), List.copyOf(columns)), plan);
    }
    return plan;
  }

  /**
   * {@code keyed} (which names the parameters {@code names}, the defaulted columns among them) with
   * its cache key: kept when {@code insert} is plain, else made now.
   */
  public Keyed keyed(Insert<?> insert, Set<String> names, Supplier<Insert<?>> keyed) {
    if (capacity == 0 || !isPlain(insert)) {
      return Keyed.of(keyed.get());
    }
    Shape shape = new Shape(insert.table(), insert.wantsGeneratedKeys(), names);
    Keyed plan = (Keyed) find(shape);
    if (plan == null) {
      plan = Keyed.of(keyed.get());
      keep(new Shape(shape.table(), shape.generatedKeys(), Set.copyOf(names)), plan);
    }
    return plan;
  }

  private synchronized Object find(Shape shape) {
    return plans.get(shape);
  }

  /**
   * Keeps a plan made outside the lock (two threads may both make it: the same plan); {@code kept}
   * holds a copy of what was given, as the caller's list or map may change after the call.
   */
  private synchronized void keep(Shape kept, Object plan) {
    plans.put(kept, plan);
  }

  /** How many plans are kept (for tests). */
  public synchronized int size() {
    return plans.size();
  }
}
