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
 * One engine's plans of plain INSERTs without values of their own ({@link InsertRowsPlan#isPlain}):
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
  public record Keyed(Insert<?> insert, CacheKey key) {}

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

  /** The plan of {@code insert} with rows of {@code columns}: kept when the insert is plain, else made now. */
  public InsertRowsPlan rows(Insert<?> insert, List<? extends Column<?>> columns) {
    if (capacity == 0 || !InsertRowsPlan.isPlain(insert)) {
      return InsertRowsPlan.of(insert, columns);
    }
    return (InsertRowsPlan) get(new Shape(insert.table(), insert.wantsGeneratedKeys(), columns),
        () -> InsertRowsPlan.of(insert, columns), () -> List.copyOf(columns));
  }

  /**
   * {@code keyed} (which names the parameters {@code names}, the defaulted columns among them) with
   * its cache key: kept when {@code insert} is plain, else made now.
   */
  public Keyed keyed(Insert<?> insert, Set<String> names, Supplier<Insert<?>> keyed) {
    if (capacity == 0 || !InsertRowsPlan.isPlain(insert)) {
      Insert<?> i = keyed.get();
      return new Keyed(i, CacheKey.of(i));
    }
    return (Keyed) get(new Shape(insert.table(), insert.wantsGeneratedKeys(), names), () -> {
      Insert<?> i = keyed.get();
      return new Keyed(i, CacheKey.of(i));
    }, () -> Set.copyOf(names));
  }

  private Object get(Shape shape, Supplier<Object> make, Supplier<Object> copyOfGiven) {
    Object plan;
    synchronized (this) {
      plan = plans.get(shape);
    }
    if (plan == null) {
      plan = make.get(); // outside the lock; two threads may both make it, the same plan
      // the caller's list or map may change after this call: the key keeps a copy
      Shape kept = new Shape(shape.table(), shape.generatedKeys(), copyOfGiven.get());
      synchronized (this) {
        plans.put(kept, plan);
      }
    }
    return plan;
  }

  /** How many plans are kept (for tests). */
  public synchronized int size() {
    return plans.size();
  }
}
