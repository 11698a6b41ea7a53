package org.jalchemy.orm;

/**
 * Implemented by every mapped class after build-time enhancement ({@code org.jalchemy.enhance.EntityEnhancer}
 * run by {@code byte-buddy-maven-plugin}); the enhancer adds the field behind these methods.
 * Applications never implement or call it; {@code Jalchemy.inspect(obj)} is the public view.
 *
 * <pre>{@code
 * boolean enhanced = user instanceof ManagedEntity;
 * }</pre>
 */
public interface ManagedEntity {
  /** The ORM's state of this object, or null before the ORM first needed one. */
  InstanceState $$jal$state();

  /** Stores the ORM's state of this object. */
  void $$jal$state(InstanceState state);
}
