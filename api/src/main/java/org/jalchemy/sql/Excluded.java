package org.jalchemy.sql;

import org.jalchemy.schema.Column;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;

/**
 * The value an upsert tried to insert into a column: {@code excluded.name} on PostgreSQL and
 * SQLite, {@code VALUES(name)} on MySQL/MariaDB.
 *
 * <pre>{@code
 * insert(users).values(row).onConflictDoUpdate(List.of(users.name), Map.of(users.fullname, Insert.excluded(users.fullname)))
 * }</pre>
 *
 * @param <T> the column's Java type
 */
public final class Excluded<T> extends Expression<T> {
  private final Column<T> column;

  Excluded(Column<T> column) {
    this.column = column;
  }

  /** The column whose proposed value this is. */
  public Column<T> column() {
    return column;
  }

  @Override
  public SqlType<T> type() {
    return column.type();
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitExcluded(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(Excluded.class).add(column);
  }
}
