package org.jalchemy.orm.internal;

import org.jalchemy.orm.InstanceState;
import org.jalchemy.orm.ManagedEntity;

/**
 * The static entry points that enhanced mapped classes call around every read and write of a
 * mapped field (see {@code org.jalchemy.enhance.EntityEnhancer}). Not for applications.
 *
 * <pre>{@code
 * // what the enhancer generates for `private String name;`
 * public String $$jal$get$name() { EntityHooks.read(this, "name"); return this.name; }
 * }</pre>
 */
public final class EntityHooks {
  private EntityHooks() {}

  /** Before {@code owner.field} is read: loads it when expired or not loaded yet. */
  public static void read(ManagedEntity owner, String field) {
    InstanceState.beforeRead(owner, field);
  }

  /** Before {@code owner.field = newValue}: records the change and keeps back-populates in step. */
  public static void write(ManagedEntity owner, String field, Object oldValue, Object newValue) {
    InstanceState.beforeWrite(owner, field, oldValue, newValue);
  }
}
