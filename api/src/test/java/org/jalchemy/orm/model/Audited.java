package org.jalchemy.orm.model;

import java.time.Instant;

/** An unmapped superclass: its fields become columns of each mapped subclass. */
public abstract class Audited extends OrmBase {
  private Instant createdAt;

  /** Not a column: transient. */
  private transient String scratch;

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }
}
