package org.jalchemy.reliability.model;

import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Tablename;

/** A counter incremented concurrently, guarded by a version column. */
@Tablename("rel_counter")
public class Counter extends RelBase {
  @MappedColumn(primaryKey = true, autoincrement = MappedColumn.Autoincrement.FALSE)
  private Integer id;

  private long total;

  @MappedColumn(version = true)
  private Integer version;

  protected Counter() {}

  public Counter(int id) {
    this.id = id;
  }

  public Integer getId() {
    return id;
  }

  public long getTotal() {
    return total;
  }

  public void increment() {
    total++;
  }
}
