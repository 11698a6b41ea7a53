package org.jalchemy.sql;

import java.util.List;
import java.util.Map;
import org.jalchemy.schema.Column;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;

/**
 * The upsert part of an INSERT: what to do when a row with the same key already exists. Rendered
 * as {@code ON CONFLICT (keys) DO NOTHING | DO UPDATE SET …} on PostgreSQL and SQLite and as
 * {@code ON DUPLICATE KEY UPDATE …} on MySQL/MariaDB (where the conflict is on any unique key).
 * Built by {@link Insert#onConflictDoNothing} and {@link Insert#onConflictDoUpdate}.
 */
public final class OnConflict extends ClauseElement {
  private final List<Column<?>> keys;
  private final Map<Column<?>, Expression<?>> set;

  OnConflict(List<Column<?>> keys, Map<Column<?>, Expression<?>> set) {
    this.keys = List.copyOf(keys);
    this.set = set;
  }

  /** The columns of the unique constraint or primary key that conflicts. */
  public List<Column<?>> keys() {
    return keys;
  }

  /** The SET assignments of DO UPDATE; empty for DO NOTHING. */
  public Map<Column<?>, Expression<?>> set() {
    return set;
  }

  /** True for DO NOTHING. */
  public boolean doNothing() {
    return set.isEmpty();
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitOnConflict(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(OnConflict.class).addAll(keys).add(set.size());
    for (Map.Entry<Column<?>, Expression<?>> e : set.entrySet()) {
      key.add(e.getKey()).add(e.getValue());
    }
  }
}
