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

  /**
   * Stores a value loaded from the database straight into the field of {@code slot} (the index of
   * its name in the class's generated {@code static String[] $$jal$loadOrder()}), without hooks;
   * false when it cannot, and the ORM then sets the field through a method handle. The enhancer
   * generates it for each mapped class; this default serves classes enhanced without it.
   */
  default boolean $$jal$load(int slot, Object value) {
    return false;
  }
}
